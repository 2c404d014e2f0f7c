import { expect, test, type APIRequestContext, type Locator } from "@playwright/test";
import { simulateWorld } from "../../lib/simulate/world";
import { seedSimulatedWorld } from "../support/seed-world";
import { serviceAuth } from "../support/seed";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("analyst") });

const FROM = "2026-03-09";
const TO = "2026-03-12";
const range = `journey=holiday-booking&from=${FROM}&to=${TO}`;

const seedWorld = (request: APIRequestContext) => seedSimulatedWorld(request, { users: 30, days: 4, seed: "e2e-analytics-tables", from: FROM });

const number = (text: string) => Number(text.replace(/[^\d]/g, ""));
/** The numbers in one column of a table's body, Other and (none) rows included. */
async function column(table: Locator, index: number) {
  return (await table.locator("tbody tr").evaluateAll((rows, i) => rows.map((r) => r.children[i]?.textContent ?? ""), index)).map(number);
}

test("the funnel's breakdown and the popularity table add up to every session, platforms named", async ({ page, request }) => {
  await seedWorld(request);
  await page.goto(`/analytics/funnel?${range}&by=destination`);
  const total = number((await page.getByTestId("funnel-sessions").textContent())!.split(" sessions")[0]!);
  expect(total).toBeGreaterThan(20);
  const firstStep = number((await page.getByRole("table", { name: "Funnel", exact: true }).locator("tbody tr").first().locator("td").nth(1).textContent())!);
  const breakdown = page.getByRole("table", { name: "Funnel by Destination" });
  expect((await column(breakdown, 1)).reduce((a, b) => a + b, 0)).toBe(firstStep);

  await page.goto(`/analytics/popularity?${range}&dimension=platform`);
  const table = page.getByRole("table", { name: "Sessions by Platform" });
  expect((await column(table, 1)).reduce((a, b) => a + b, 0)).toBe(total);
  const names = await table.locator("tbody tr td:first-child").allTextContents();
  for (const name of names) expect(name).toMatch(/^(iOS|Android|Web|\(none\)no platform recorded)$/);

  // The exports add up the same way: their "(other)" and "(none)" rows are the page's.
  const csvColumn = async (url: string, index: number) => {
    const lines = (await (await request.get(url)).text()).trim().split(/\r?\n/).slice(1);
    return lines.map((line) => Number(line.split(",")[index])).reduce((a, b) => a + b, 0);
  };
  expect(await csvColumn(`/analytics/export/funnel-breakdown?${range}&by=destination`, 2)).toBe(firstStep);
  expect(await csvColumn(`/analytics/export/popularity?${range}&dimension=platform`, 3)).toBe(total);
});

test("a date that is not one, or a range given backwards, is named in a notice with the days shown instead", async ({ page, request }) => {
  await page.goto("/analytics/funnel?journey=holiday-booking&from=abc&to=2026-99-99");
  const notice = page.getByTestId("range-notice");
  await expect(notice).toContainText('From "abc" is not a day (YYYY-MM-DD); To "2026-99-99" is not a day (YYYY-MM-DD): showing');
  await page.goto(`/analytics/popularity?journey=holiday-booking&from=${TO}&to=${FROM}`);
  await expect(notice).toHaveText(`From ${TO} is after To ${FROM}: showing ${FROM} to ${TO} instead.`);
  // The fields say the days as every other place on the page does.
  await expect(page.getByRole("textbox", { name: "From" })).toHaveValue(FROM);
  await page.goto(`/analytics?${range}`);
  await expect(notice).toHaveCount(0);
  // The API refuses the same query, naming the parameter.
  const answer = await request.get("/api/analytics/overview?journey=holiday-booking&from=abc&to=2026-99-99", { headers: serviceAuth });
  expect(answer.status()).toBe(400);
  expect((await answer.json()).error.details.parameter).toBe("from");
});

test("on a phone every report tab is on screen, wrapped rather than cut", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`/analytics?${range}`);
  const tabs = page.getByRole("navigation", { name: "Reports" }).getByRole("link");
  await expect(tabs).toHaveCount(5);
  for (const tab of await tabs.all()) {
    const box = (await tab.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
});

test("one journey's sessions list names its outcome chips in the journey's words", async ({ page }) => {
  await page.goto("/sessions?journey=holiday-booking");
  const chips = page.getByRole("navigation", { name: "Outcome" });
  await expect(chips.getByRole("link", { name: "booked", exact: true })).toBeVisible();
  await expect(chips.getByRole("link", { name: "completed", exact: true })).toHaveCount(0);
});

test.describe("a customer's page", () => {
  test.use({ storageState: storageStateOf("agent") });

  test("says how each session ended in the work queue's and the funnel's words", async ({ page, request }) => {
    await seedWorld(request);
    const world = simulateWorld({ users: 30, days: 4, seed: "e2e-analytics-tables", start: new Date(`${FROM}T00:00:00Z`) });
    const user = world.map((w) => w.event.userid).find((u): u is string => typeof u === "string")!;
    await page.goto(`/users/${encodeURIComponent(user)}`);
    const ended = await page.getByRole("table", { name: "Sessions" }).locator("tbody tr td:nth-child(4)").allTextContents();
    expect(ended.length).toBeGreaterThan(0);
    for (const word of ended) expect(["Inactive", "Signed out", "Session expired", "Another session took over", "Still open"]).toContain(word);
  });
});
