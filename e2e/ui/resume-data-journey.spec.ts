import { devices, expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "../../playwright.config";
import { journeyDefinition, reachedStep, uniqueJourney } from "../support/journey-definition";
import { appendBatch, cloudEvent, serviceAuth } from "../support/seed";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("admin") });

/** The server's own health route as the shop: Continue lands somewhere real, and the URL shows what was filled in. */
const SHOP_URL = `${E2E_BASE_URL}/api/health`;

/** The agent's and the customer's definition: the product and the items as facts, and where Continue goes. */
function definition(prefix: string, name: string) {
  return {
    ...journeyDefinition(prefix, name, "E2E cart visits"),
    facts: [
      { key: "product", label: "Product", from: "data.productId", keep: "last" },
      { key: "items", label: "Items added", when: { type: `${prefix}.cart.added` }, keep: "count" },
    ],
    resume: { url: `${SHOP_URL}?product={facts.product}&n={facts.items}&u={userid}&s={sessionid}&t={token}` },
  };
}

test("a saved data journey: its funnel for the analyst, its replay with facts and left-off card for the agent, its resume link for the end user", async ({
  page,
  browser,
  request,
}) => {
  // A save re-folds the whole shared e2e store into a new generation (and a save by another test at
  // the same moment supersedes it with both versions): minutes on a loaded 2-core machine.
  test.setTimeout(240_000);
  const { tag, prefix, name } = uniqueJourney("rdj", "cart");
  await page.goto("/admin/journeys");
  await page.getByLabel("Definition (JSON)").fill(JSON.stringify(definition(prefix, name), null, 2));
  await page.getByRole("button", { name: "Save a new version" }).click();
  await expect
    .poll(async () => (await (await request.get(`/api/journeys/${name}`, { headers: serviceAuth })).json()).liveVersion, { timeout: 150_000 })
    .toBe(1);

  const user = `usr-${tag}`;
  const at = (s: number) => new Date(Date.now() - 60 * 60_000 + s * 1000).toISOString();
  // Beside the user this test resumes, one who only looked and one who ordered: each a session of its own.
  const visits: Record<string, string[]> = {
    [user]: ["product.viewed", "cart.added"],
    [`usr-${tag}-looker`]: ["product.viewed"],
    [`usr-${tag}-buyer`]: ["product.viewed", "cart.added", "order.completed"],
  };
  const events = Object.entries(visits).flatMap(([userid, types]) =>
    types.map((type, i) =>
      cloudEvent({ id: `${userid}-${i}`, source: "/e2e/cart", type: `${prefix}.${type}`, userid, time: at(i), data: { productId: "p 7/a&b" } }),
    ),
  );
  await appendBatch(request, events);

  // The analyst picks the journey and sees its funnel: each step's sessions, by a plain loop over what was appended.
  const steps = definition(prefix, name).steps;
  const reached = steps.map(
    (step) =>
      Object.values(visits).filter((types) =>
        reachedStep(
          types.map((t) => `${prefix}.${t}`),
          steps,
          step.key,
        ),
      ).length,
  );
  const analyst = await browser.newContext({ storageState: storageStateOf("analyst") });
  const analytics = await analyst.newPage();
  await expect(async () => {
    // The default range ends yesterday (today is not over): these sessions are from the last hour.
    await analytics.goto(`/analytics/funnel?from=${at(0).slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}`);
    // The picker's select (the form around it is labelled "Journey and date range" too).
    const picker = analytics.getByRole("form", { name: "Journey and date range" }).locator('select[name="journey"]');
    await picker.selectOption(name, { timeout: 5_000 });
    await analytics.waitForURL(/journey=/);
    const rows = analytics.getByRole("table", { name: "Funnel" }).locator("tbody tr");
    await expect(rows).toHaveCount(steps.length, { timeout: 2_000 });
    for (const [i, step] of steps.entries()) {
      await expect(rows.nth(i).locator("td").nth(0)).toHaveText(step.label, { timeout: 2_000 });
      await expect(rows.nth(i).locator("td").nth(1)).toHaveText(String(reached[i]), { timeout: 2_000 });
    }
  }).toPass({ timeout: 60_000 });
  await expect(analytics.getByTestId("funnel-sessions")).toContainText(`${Object.keys(visits).length} sessions in the range`);
  await analyst.close();

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
