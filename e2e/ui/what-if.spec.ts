import { expect, type Page, test } from "@playwright/test";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("admin") });

/** A definition of this test's own event types (so every other test's sessions fold as before), in two versions. */
function definition(prefix: string, name: string, version: "applied" | "draft") {
  const steps = [
    { key: "viewed", label: "Viewed a product", when: { type: `${prefix}.product.viewed` } },
    { key: "carted", label: "Added to cart", when: { type: `${prefix}.cart.added` } },
    { key: "ordered", label: "Ordered", when: { type: `${prefix}.order.completed` } },
  ];
  const common = {
    name,
    label: "E2E what-if shop",
    priority: 20,
    claims: { types: [`${prefix}.*`], sources: ["*"] },
    facts: [{ key: "items", label: "Items added", when: { type: `${prefix}.cart.added` }, keep: "count" }],
  };
  if (version === "applied") return { ...common, steps, outcome: { completed: "ordered", abandonedAfter: "carted" } };
  // The draft drops the cart step (a visitor who only looked has now abandoned) and ends a session where a visit ends.
  return {
    ...common,
    steps: steps.filter((s) => s.key !== "carted"),
    outcome: { completed: "ordered", abandonedAfter: "viewed" },
    boundaries: { signOut: [`${prefix}.visit.ended`] },
  };
}

/** What the analytics funnel page shows for a step of the journey on the seeded day. */
const stepCount = (page: Page, step: string) => page.getByRole("table", { name: "Funnel" }).locator(`tr[data-step=${step}] td`).nth(1);

test("an admin tries a draft on history, opens a changed session beside the current one, applies it, sees the new figures, and rolls back", async ({
  page,
  request,
}) => {
  // Two saves and a rollback, each re-folding the shared e2e store: minutes on a loaded 2-core machine.
  test.setTimeout(600_000);
  const tag = uniqueTag("wi");
  const prefix = `e2ewi${tag.replace(/[^a-z0-9]/g, "")}`;
  const name = `wi-${tag.replace(/[^a-z0-9]/g, "").slice(-20)}`;
  // Two days ago: inside the default range, and every session long closed (an open one is "live" whatever the draft says).
  const start = Date.now() - 2 * 86_400_000;
  const day = new Date(start).toISOString().slice(0, 10);
  const visit = (user: string, types: string[]) =>
    types.map((type, i) =>
      cloudEvent({
        id: `${user}-${i}`,
        source: "/e2e/shop",
        type: `${prefix}.${type}`,
        subject: `cart/${user}`,
        userid: user,
        time: new Date(start + i * 1000).toISOString(),
        data: { n: i },
      }),
    );
  await appendBatch(request, [
    ...visit(`${tag}-buyer`, ["product.viewed", "cart.added", "order.completed"]),
    ...visit(`${tag}-carter`, ["product.viewed", "cart.added"]),
    ...visit(`${tag}-looker`, ["product.viewed"]),
    ...visit(`${tag}-twice`, ["product.viewed", "visit.ended", "product.viewed"]),
  ]);
  const editor = page.getByLabel("Definition (JSON)");
  const listed = async () =>
    ((await (await request.get("/api/journeys", { headers: serviceAuth })).json()).journeys as { name: string; liveVersion: number | null }[]).find(
      (j) => j.name === name,
    )?.liveVersion ?? null;

  // Version 1, applied and live.
  await page.goto("/admin/journeys");
  await editor.fill(JSON.stringify(definition(prefix, name, "applied"), null, 2));
  await page.getByRole("button", { name: "Save a new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved ${name} v1` })).toBeVisible();
  await expect.poll(listed, { timeout: 240_000, intervals: [1_000] }).toBe(1);
  // Each server process keeps its catalog of journeys for up to 2 s: the page may not know the new one at once.
  await expect(async () => {
    await page.goto(`/analytics/funnel?journey=${name}&from=${day}&to=${day}`);
    await expect(stepCount(page, "carted")).toHaveText("2", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // The draft, tried on history: progress, then both funnels, the outcome changes and the changed sessions.
  await page.goto(`/admin/journeys?name=${name}`);
  const draft = JSON.stringify(definition(prefix, name, "draft"), null, 2);
  await editor.fill(draft);
  const tryOn = page.getByRole("region", { name: "Try on history" });
  await tryOn.getByRole("button", { name: "Try on history" }).click();
  await expect(page).toHaveURL(/whatIf=/);
  const funnels = tryOn.getByRole("table", { name: "Funnels, now and with the draft" });
  await expect(funnels).toBeVisible({ timeout: 120_000 });
  await expect(funnels.locator("tr[data-step='(sessions)']")).toContainText("+1"); // the visit that starts again is a session of its own
  await expect(funnels.locator("tr[data-step=carted]")).toContainText("the draft removes it");
  await expect(tryOn.getByRole("table", { name: "Outcome changes" })).toContainText("browsed");
  // What the draft's funnel says each step would have (its column, "With the draft"), to hold the applied figures to.
  const drafted = async (step: string) => funnels.locator(`tr[data-step=${step}] td`).nth(2).locator("[data-sessions]").getAttribute("data-sessions");
  const wouldHave = { viewed: await drafted("viewed"), ordered: await drafted("ordered") };
  expect(wouldHave).toEqual({ viewed: "5", ordered: "1" }); // counted by hand from the seeded visits
  const changed = tryOn.getByRole("table", { name: "Changed sessions" });
  await expect(changed.locator("tr[data-kind=split]")).toHaveCount(2); // both parts of the visit cut in two
  await expect(changed.locator("tr[data-kind=changed]").first()).toBeVisible();

  // It survives a reload: the same what-if, and the draft that was tried in the editor.
  await page.reload();
  await expect(funnels).toBeVisible();
  await expect(editor).toHaveValue(draft);

  // A changed session opens the replay with the draft's state beside the current one: the visitor who carted stops at "Viewed a product" in the draft.
  await changed.locator("tr[data-kind=changed]").filter({ hasText: "Added to cart" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/sessions\/.+whatIf=/);
  const now = page.getByRole("region", { name: "Journey state", exact: true });
  const withDraft = page.getByRole("region", { name: "State with the draft" });
  await expect(now).toHaveAttribute("data-moment-index", /\d+/, { timeout: 30_000 });
  await expect(withDraft).toHaveAttribute("data-moment-index", /\d+/, { timeout: 30_000 });
  await expect(now).toContainText("Added to cart");
  await expect(withDraft.locator("[data-differs]")).toContainText("Viewed a product");
  await expect(page.getByText(`folded by ${name} v1`)).toBeVisible();
  await page.getByRole("link", { name: "Back to the what-if" }).click();
  await expect(funnels).toBeVisible();

  // Applied: the page says the new version is being prepared, then the funnel is the draft's.
  await page.getByRole("button", { name: "Save a new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved ${name} v2` })).toContainText("being prepared");
  await expect.poll(listed, { timeout: 240_000, intervals: [1_000] }).toBe(2);
  // Each process rereads the live catalog (the steps' words) within a couple of seconds of a switch: reloaded until it has.
  const funnelPage = `/analytics/funnel?journey=${name}&from=${day}&to=${day}`;
  await expect(async () => {
    await page.goto(funnelPage);
    await expect(page.getByTestId("journey-version")).toHaveText(`Folded by ${name} v2`, { timeout: 1_000 });
    await expect(page.locator("tr[data-step=carted]")).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(stepCount(page, "viewed")).toHaveText(wouldHave.viewed!);
  await expect(stepCount(page, "ordered")).toHaveText(wouldHave.ordered!);

  // Rolled back: the kept generation is switched back in, with the figures it had; the history says so as a new version.
  await page.goto("/admin/journeys");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("table", { name: "Generations" }).getByRole("button", { name: "Roll back" }).click();
  await expect.poll(listed, { timeout: 120_000, intervals: [1_000] }).toBe(3);
  await expect(async () => {
    await page.goto(funnelPage);
    await expect(page.getByTestId("journey-version")).toHaveText(`Folded by ${name} v3`, { timeout: 1_000 });
    await expect(stepCount(page, "carted")).toHaveText("2", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(stepCount(page, "viewed")).toHaveText("4");
  await page.goto(`/admin/journeys?name=${name}`);
  await expect(page.getByRole("list", { name: "Definition history" }).locator("li").first()).toContainText("rolled back to v1");
});
