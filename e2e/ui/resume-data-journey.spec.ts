import { devices, expect, test } from "@playwright/test";
import { E2E_RESUME_TEMPLATE } from "../../playwright.config";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("admin") });

/** The server's own health route as the shop: Continue lands somewhere real, and the URL shows what was filled in. */
const SHOP_URL = E2E_RESUME_TEMPLATE.split("?")[0]!;

/** A definition of this test's own event types, so other tests' sessions fold as before. */
function definition(prefix: string, name: string) {
  return {
    name,
    label: "E2E cart visits",
    priority: 20,
    claims: { types: [`${prefix}.*`], sources: ["*"] },
    steps: [
      { key: "viewed", label: "Viewed a product", when: { type: `${prefix}.product.viewed` } },
      { key: "carted", label: "Added to cart", when: { type: `${prefix}.cart.added` } },
      { key: "ordered", label: "Ordered", when: { type: `${prefix}.order.completed` } },
    ],
    outcome: { completed: "ordered", abandonedAfter: "carted" },
    facts: [
      { key: "product", label: "Product", from: "data.productId", keep: "last" },
      { key: "items", label: "Items added", when: { type: `${prefix}.cart.added` }, keep: "count" },
    ],
    resume: { url: `${SHOP_URL}?product={facts.product}&n={facts.items}&u={userid}&s={sessionid}&t={token}` },
  };
}

test("a data journey saved by an admin: an agent replays its session with its facts and left-off card, and its resume link opens for the end user", async ({
  page,
  browser,
  request,
}) => {
  // A save re-folds the whole shared e2e store into a new generation (and a save by another test at
  // the same moment supersedes it with both versions): minutes on a loaded 2-core machine.
  test.setTimeout(240_000);
  const tag = uniqueTag("rdj");
  const prefix = `e2ecart${tag.replace(/[^a-z0-9]/g, "")}`;
  const name = `e2e-${tag.replace(/[^a-z0-9]/g, "").slice(-20)}`;
  await page.goto("/admin/journeys");
  await page.getByLabel("Definition (JSON)").fill(JSON.stringify(definition(prefix, name), null, 2));
  await page.getByRole("button", { name: "Save a new version" }).click();
  await expect
    .poll(async () => (await (await request.get(`/api/journeys/${name}`, { headers: serviceAuth })).json()).liveVersion, { timeout: 150_000 })
    .toBe(1);

  const user = `usr-${tag}`;
  const at = (s: number) => new Date(Date.now() - 60 * 60_000 + s * 1000).toISOString();
  await appendBatch(request, [
    cloudEvent({ id: `${tag}-1`, source: "/e2e/cart", type: `${prefix}.product.viewed`, userid: user, time: at(0), data: { productId: "p 7/a&b" } }),
    cloudEvent({ id: `${tag}-2`, source: "/e2e/cart", type: `${prefix}.cart.added`, userid: user, time: at(1), data: { productId: "p 7/a&b" } }),
  ]);
  let answer: { sessionId: string; journey: string; resume: Record<string, unknown> } | null = null;
  await expect(async () => {
    const response = await request.get(`/api/users/${user}/resume`, { headers: serviceAuth });
    expect(response.status()).toBe(200);
    answer = await response.json();
  }).toPass({ timeout: 30_000 });
  expect(answer).toMatchObject({
    journey: name,
    resume: {
      canContinue: true,
      step: "carted",
      stepLabel: "Added to cart",
      facts: { product: "p 7/a&b", items: "1" },
      remaining: ["Ordered"],
      noLongerHolds: [],
    },
  });
  const { sessionId } = answer!;

  // The agent's replay folds it with its definition, in the browser too: its facts and where it stopped.
  const agent = await browser.newContext({ storageState: storageStateOf("agent") });
  const replay = await agent.newPage();
  await replay.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(replay.getByRole("region", { name: "Player" })).toHaveAttribute("data-loaded", "true");
  const leftOff = replay.getByRole("region", { name: "Where they left off" });
  await expect(leftOff).toContainText("abandoned");
  await expect(leftOff).toContainText("Added to cart");
  await expect(leftOff).toContainText("p 7/a&b");
  await expect(leftOff).toContainText("Ordered");
  const state = replay.getByRole("region", { name: "Journey state" });
  await expect(state).toContainText("Items added");
  await expect(state).toContainText("p 7/a&b");
  await agent.close();
  const created = await request.post("/api/resume-links", { headers: serviceAuth, data: { userId: user } });
  expect(created.status()).toBe(201);
  const { url, token } = await created.json();

  const phone = await browser.newContext({ ...devices["Pixel 7"], storageState: { cookies: [], origins: [] } });
  const customer = await phone.newPage();
  expect((await customer.goto(url))!.status()).toBe(200);
  await expect(customer.getByText("E2E cart visits")).toBeVisible();
  await expect(customer.getByRole("heading", { name: "Pick up where you left off" })).toBeVisible();
  const done = customer.getByRole("region", { name: "What you had done so far" });
  await expect(done).toContainText("Product");
  await expect(done).toContainText("p 7/a&b");
  await expect(done).toContainText("added to cart");
  await expect(customer.getByRole("region", { name: "What is left" })).toContainText("Ordered");
  const expected = `${SHOP_URL}?product=p%207%2Fa%26b&n=1&u=${user}&s=${encodeURIComponent(sessionId)}&t=${token}`;
  await expect(customer.getByRole("link", { name: "Continue where you left off" })).toHaveAttribute("href", expected);
  await customer.getByRole("link", { name: "Continue where you left off" }).click();
  await customer.waitForURL(expected);
  await phone.close();
});
