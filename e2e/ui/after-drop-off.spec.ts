import { expect, test, type Page } from "@playwright/test";
import { seedSimulatedWorld } from "../support/seed-world";
import { serviceAuth, uniqueTag } from "../support/seed";
import { storageStateOf } from "../support/users";
import { afterDropOffAnswerSchema } from "../../lib/analytics/api-schemas";

test.use({ storageState: storageStateOf("analyst") });

// Drop-offs in the first week, and two more weeks for the customers to come back in; after the other specs' worlds.
const FROM = "2026-08-03";
const TO = "2026-08-09";
const USERS = 30;
const DAY = 86_400_000;

type ApiSession = { id: string; journey: string; startedAt: string; lastEventAt: string; outcome: string };

/** The session ids a sessions page lists (each row's replay link), and the total its banner says. */
async function listed(page: Page, href: string): Promise<{ ids: string[]; total: number }> {
  await page.goto(href);
  const total = Number((await page.getByTestId("drill-total").textContent())!.replace(/[^\d]/g, ""));
  const links = await page
    .getByRole("table", { name: "Sessions" })
    .locator("tbody tr td:first-child a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  return { ids: links.map((h) => decodeURIComponent(h.replace("/sessions/", ""))).sort(), total };
}

/** The report's figures: each count and the drill-down it links to. */
async function figuresOf(page: Page, table: string) {
  const rows = page.getByRole("table", { name: table }).locator("tr[data-figure]");
  const read = await rows.evaluateAll((trs) =>
    trs.map((r) => [r.getAttribute("data-figure")!, r.querySelector("a")!.getAttribute("href")!, r.querySelector("a")!.textContent!] as const),
  );
  return {
    hrefs: Object.fromEntries(read.map(([f, href]) => [f, href])) as Record<string, string>,
    counts: Object.fromEntries(read.map(([f, , text]) => [f, Number(text.replace(/,/g, ""))])) as Record<string, number>,
  };
}

test("from a funnel drop-off to what came after it, each figure opening exactly the sessions it counts", async ({ page, request }) => {
  test.setTimeout(120_000);
  await seedSimulatedWorld(request, { users: USERS, days: 21, seed: "e2e-after-drop-off", from: FROM });

  await page.goto(`/analytics/funnel?journey=holiday-booking&from=${FROM}&to=${TO}`);
  const row = page.getByRole("table", { name: "Funnel" }).locator("tr[data-step=view_offer]");
  const label = (await row.locator("td").first().textContent())!;
  await row.getByRole("link", { name: `What came after dropping off after ${label}` }).click();
  await expect(page).toHaveURL(/\/analytics\/after-drop-off\?.*step=view_offer/);
  await expect(page.getByRole("heading", { name: `What came after dropping off after “${label}”` })).toBeVisible();
  const { hrefs, counts } = await figuresOf(page, "After the drop-off");

  // Independently: the funnel's own drill-down of those drop-offs, and every customer's sessions through the API, by the issue's rules.
  const drops = await listed(page, `/sessions?journey=holiday-booking&from=${FROM}&to=${TO}&depth=2&dropped=1`);
  expect(drops.total).toBe(drops.ids.length);
  const byUser = new Map<string, ApiSession[]>();
  for (let i = 1; i <= USERS; i++) {
    const user = `usr-${String(i).padStart(5, "0")}`;
    const answer = await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth });
    if (answer.status() === 404) continue;
    const sessions = ((await answer.json()).sessions as ApiSession[]).filter((s) => s.journey === "holiday-booking");
    byUser.set(
      user,
      sessions.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || (a.id < b.id ? -1 : 1)),
    );
  }
  const expected: Record<string, string[]> = { dropped: [], "back-1": [], "back-7": [], "back-30": [], "back-any": [], completed: [] };
  for (const sessions of byUser.values()) {
    const first = sessions.findIndex((s) => drops.ids.includes(s.id));
    if (first < 0) continue;
    const ref = sessions[first]!;
    expected.dropped!.push(ref.id);
    const next = sessions[first + 1];
    if (next) {
      const gap = Math.max(0, Date.parse(next.startedAt) - Date.parse(ref.lastEventAt));
      expected["back-any"]!.push(next.id);
      for (const days of [1, 7, 30]) if (gap <= days * DAY) expected[`back-${days}`]!.push(next.id);
    }
    const done = sessions.slice(first + 1).find((s) => s.outcome === "completed");
    if (done) expected.completed!.push(done.id);
  }
  expect(expected.dropped!.length).toBeGreaterThan(2);
  expect(expected["back-any"]!.length).toBeGreaterThan(0);

  for (const [figure, ids] of Object.entries(expected)) {
    expect(counts[figure], figure).toBe(ids.length);
    const shown = await listed(page, hrefs[figure]!);
    expect({ figure, ...shown }).toEqual({ figure, ids: [...ids].sort(), total: ids.length });
  }
  // The banner says which sessions these are, and goes back to the report.
  await page.goto(hrefs["back-7"]!);
  await expect(page.getByRole("status")).toContainText(`each customer's next session after dropping off after “${label}”, within 7 days`);
  await page.getByRole("link", { name: "Back to what came after the drop-off" }).click();
  await expect(page).toHaveURL(/\/analytics\/after-drop-off\?.*step=view_offer/);

  // A next-session path opens its sessions: some of the returns, as many as it counts.
  const path = page.getByRole("table", { name: "Next sessions" }).locator("tbody tr").first().getByRole("link");
  const pathCount = Number((await path.textContent())!.replace(/,/g, ""));
  const pathShown = await listed(page, (await path.getAttribute("href"))!);
  expect(pathShown.total).toBe(pathCount);
  expect(pathShown.ids.every((id) => expected["back-any"]!.includes(id))).toBe(true);

  // The same figures as JSON for a service key; a wrong step is a 404 naming the steps, a missing one a 400.
  const api = await request.get(`/api/analytics/after-drop-off?journey=holiday-booking&from=${FROM}&to=${TO}&step=view_offer`, { headers: serviceAuth });
  expect(api.status()).toBe(200);
  const answer = await api.json();
  expect(afterDropOffAnswerSchema.safeParse(answer).error?.issues ?? []).toEqual([]);
  expect(answer).toMatchObject({ reference: "first", step: { key: "view_offer" }, dropOffs: { customers: counts.dropped, sessions: drops.total } });
  expect(answer.cameBack.map((c: { customers: number }) => c.customers)).toEqual([counts["back-1"], counts["back-7"], counts["back-30"]]);
  expect(answer.completedLater.customers).toBe(counts.completed);
  // The page's CSV says the same, with the step in the link the header offers.
  await page.goto(`/analytics/after-drop-off?journey=holiday-booking&from=${FROM}&to=${TO}&step=view_offer`);
  const csvHref = (await page.getByRole("link", { name: "Export CSV" }).getAttribute("href"))!;
  expect(csvHref).toContain("step=view_offer");
  const csv = (await (await page.request.get(csvHref)).text()).split("\r\n");
  expect(csv[0]).toBe("step,figure,customers,of_dropped_off,median_seconds,journey_version");
  const csvCount = (figure: string) => Number(csv.find((l) => l.split(",")[1] === figure)!.split(",")[2]);
  expect([csvCount("dropped_off"), csvCount("came_back_within_7_days"), csvCount("completed_later")]).toEqual([
    counts.dropped,
    counts["back-7"],
    counts.completed,
  ]);
  const wrong = await request.get(`/api/analytics/after-drop-off?journey=holiday-booking&from=${FROM}&to=${TO}&step=nope`, { headers: serviceAuth });
  expect(wrong.status()).toBe(404);
  expect(JSON.stringify(await wrong.json())).toContain("view_offer");
  expect((await request.get(`/api/analytics/after-drop-off?journey=holiday-booking&from=${FROM}&to=${TO}`, { headers: serviceAuth })).status()).toBe(400);
});

test("from a saved segment to what came after its sessions: the same figures as the step it holds, each opening its sessions", async ({ page, request }) => {
  test.setTimeout(120_000);
  await seedSimulatedWorld(request, { users: USERS, days: 21, seed: "e2e-after-drop-off", from: FROM });
  await page.goto(`/analytics/after-drop-off?journey=holiday-booking&from=${FROM}&to=${TO}&step=view_offer`);
  const step = await figuresOf(page, "After the drop-off");

  // The funnel's drill-down of those drop-offs, saved as a segment: the same customers, so the same figures.
  const name = uniqueTag("Dropped after an offer");
  await page.goto(`/sessions?journey=holiday-booking&from=${FROM}&to=${TO}&depth=2&dropped=1&back=funnel`);
  await page.getByText("Save as segment").click();
  const form = page.getByRole("form", { name: "Save segment" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Save segment" }).click();
  await expect(form.getByRole("status")).toContainText(name);
  await page.goto("/segments");
  await page.getByRole("table", { name: "Segments" }).getByRole("row").filter({ hasText: name }).getByRole("link", { name: "What came after →" }).click();
  await expect(page).toHaveURL(/\/analytics\/after-drop-off\?segment=/);
  await expect(page.getByTestId("after-drop-off-cohort")).toContainText(`in the segment “${name}”`);
  const segment = await figuresOf(page, "After the segment's sessions");
  expect(segment.counts).toEqual(step.counts);
  expect(segment.counts.dropped).toBeGreaterThan(2);

  for (const figure of ["dropped", "back-7", "completed"]) {
    await page.goto(segment.hrefs[figure]!);
    await expect(page.getByTestId("drill-total")).toHaveText(`${segment.counts[figure]} ${segment.counts[figure] === 1 ? "session" : "sessions"}`);
  }
  await expect(page.getByRole("status")).toContainText(`after their first session in the segment “${name}”`);
  // A segment's follow-up is not saved as a segment of a segment.
  await expect(page.getByText("Save as segment")).toHaveCount(0);
  await page.getByRole("link", { name: "Back to what came after the segment" }).click();
  await expect(page).toHaveURL(/\/analytics\/after-drop-off\?.*segment=/);
});
