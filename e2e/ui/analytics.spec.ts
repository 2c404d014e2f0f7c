import { expect, test, type APIRequestContext } from "@playwright/test";
import { seedSimulatedWorld } from "../support/seed-world";
import { appendBatch } from "../support/seed";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("analyst") });

const FROM = "2026-02-02";
const TO = "2026-02-05";

const seedWorld = (request: APIRequestContext) => seedSimulatedWorld(request, { users: 25, days: 4, seed: "e2e-analytics", from: FROM });

test("a product manager opens the funnel, clicks a drop-off, lands on the sessions behind it and opens a replay", async ({ page, request }) => {
  test.setTimeout(60_000);
  await seedWorld(request);

  await page.goto(`/analytics/funnel?from=${FROM}&to=${TO}`);
  await expect(page.getByRole("img", { name: "Sessions reaching each step of the funnel" })).toBeVisible();
  const funnel = page.getByRole("table", { name: "Funnel" });
  await expect(funnel.locator("tr[data-step=search]")).toBeVisible();
  // The first step with drop-offs that have a reason: the chip names why and how many.
  const chip = funnel.getByRole("listitem").getByRole("link").first();
  const chipText = (await chip.textContent())!;
  const [reason, shown] = chipText.split(" · ");
  const count = shown!.replaceAll(",", "");
  await chip.click();
  await expect(page).toHaveURL(/\/sessions\?.*depth=\d+.*reason=/);
  await expect(page.getByRole("status")).toContainText(`stopped: ${reason}`);
  const rows = page.getByRole("table", { name: "Sessions" }).locator("tbody tr");
  await expect(rows).toHaveCount(Number(count));
  await expect(page.getByTestId("drill-total")).toHaveText(`${shown} ${count === "1" ? "session" : "sessions"}`);
  await rows.first().getByRole("link").first().click();
  await expect(page.getByRole("region", { name: "Player" })).toHaveAttribute("data-loaded", "true");
  await expect(page.getByRole("region", { name: "Where they left off" })).toBeVisible();

  // The funnel's CSV says the same as its table.
  const csv = await (await page.request.get(`/analytics/export/funnel?from=${FROM}&to=${TO}`)).text();
  const first = csv.split("\r\n")[1]!.split(",");
  await page.goto(`/analytics/funnel?from=${FROM}&to=${TO}`);
  await expect(page.getByRole("table", { name: "Funnel" }).locator("tr[data-step=search] td").nth(1)).toHaveText(Number(first[1]).toLocaleString("en-GB"));
});

test("the overview and the destinations pages show their figures and charts, with no personal data", async ({ page, request }) => {
  await seedWorld(request);
  await page.goto(`/analytics?from=${FROM}&to=${TO}`);
  await expect(page.getByRole("img", { name: "Sessions, booked and abandoned per day" })).toBeVisible();
  const sessions = page.locator("[data-metric=Sessions]");
  await expect(sessions).toContainText(/\d/);
  await page.goto(`/analytics/destinations?from=${FROM}&to=${TO}&sort=bookings`);
  await expect(page.getByRole("table", { name: "Destinations" }).locator("tbody tr").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Viewed a lot, rarely booked" })).toBeVisible();
  expect(await page.content()).not.toMatch(/@example\.com|\+44 7/);
});

test("the paths page draws the common journeys and each path opens its sessions", async ({ page, request }) => {
  await seedWorld(request);
  await page.goto(`/analytics/paths?from=${FROM}&to=${TO}&outcome=booked`);
  await expect(page.getByRole("img", { name: "Most common paths from session start" })).toBeVisible();
  const first = page.getByRole("table", { name: "Common paths" }).locator("tbody tr").first();
  await expect(first).toContainText("booked");
  const count = Number((await first.getByRole("link").textContent())!.replace(/,/g, ""));
  await first.getByRole("link").click();
  await expect(page).toHaveURL(/\/sessions\?.*path=/);
  await expect(page.getByRole("table", { name: "Sessions" }).locator("tbody tr")).toHaveCount(Math.min(count, 50));
  // The banner reads as a sentence, and its back link returns to the paths, not to the funnel.
  await expect(page.getByRole("status")).toContainText(/that went .+ and ended booked/);
  await page.getByRole("link", { name: "Back to the paths" }).click();
  await expect(page).toHaveURL(new RegExp(`/analytics/paths\\?.*from=${FROM}`));

  // A node of the graph opens what goes through it: the start node has every path, so the table narrows to them.
  const graph = page.getByRole("img", { name: "Most common paths from session start" });
  await graph.locator("g.cursor-pointer rect").first().click();
  await expect(page).toHaveURL(/through=/);
  await expect(page.getByTestId("paths-through")).toContainText(/^Paths through .+: \d+ of \d+\./);
  await page.getByRole("link", { name: "Show every path" }).click();
  await expect(page.getByTestId("paths-through")).toHaveCount(0);
});

test("a path whose sessions cancelled a booking says so in its Ended column, not plain browsed", async ({ page, request }) => {
  await seedWorld(request);
  // A later visit that cancels a booking (fixed ids: seeding again is a no-op), as the simulated world's cancellations do.
  const user = "e2e-paths-canceller";
  const at = (minutes: number) => new Date(Date.parse(`${TO}T12:00:00Z`) + minutes * 60_000).toISOString();
  const identity = { source: "/holidays/identity", subject: `user/${user}`, userid: user };
  const booking = { source: "/holidays/booking", subject: "booking/e2e-paths-cancelled", userid: user, correlationid: "e2e-paths-cancelled" };
  await appendBatch(request, [
    { specversion: "1.0", id: `${user}-in`, type: "identity.user.signed_in", time: at(0), ...identity, data: { method: "password", platform: "web" } },
    {
      specversion: "1.0",
      id: `${user}-cancel`,
      type: "booking.booking.cancelled",
      time: at(3),
      ...booking,
      data: { bookingId: "e2e-paths-cancelled", reference: "e2e-paths-cancelled", reason: "illness" },
    },
    { specversion: "1.0", id: `${user}-out`, type: "identity.user.signed_out", time: at(5), ...identity, data: {} },
  ]);
  const ended = page.getByRole("table", { name: "Common paths" }).locator("tbody tr td").filter({ hasText: "cancelled a booking" });
  await expect(async () => {
    await page.goto(`/analytics/paths?from=${FROM}&to=${TO}&outcome=browsed`);
    await expect(ended.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(ended.first()).toHaveText(/^(cancelled a booking|browsed · [\d,]+ cancelled a booking)$/);
});

test("an analyst picks the journey and sees its funnel, in its words, with drill-downs to its sessions", async ({ page, request }) => {
  await seedWorld(request);
  // Events no journey claims, in the same range: the generic journey's sessions.
  const tag = `picker-${Date.now().toString(36)}`;
  await appendBatch(
    request,
    [0, 1].map((i) => ({
      specversion: "1.0",
      id: `${tag}-${i}`,
      source: "/e2e/picker",
      type: "e2e.thing.happened",
      time: `${FROM}T09:0${i}:00Z`,
      userid: `usr-${tag}`,
      data: { ok: true },
    })),
  );
  await expect(async () => {
    await page.goto(`/analytics/funnel?journey=generic&from=${FROM}&to=${TO}`);
    await expect(page.getByText("have no steps, so no funnel")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const picker = page.getByRole("combobox", { name: "Journey" });
  await expect(picker.locator("option")).toHaveText([/^Holiday bookings \(\d+ sessions?\)$/, /\(\d+ sessions?\)$/]);
  await picker.selectOption("holiday-booking");
  await expect(page).toHaveURL(/journey=holiday-booking/);
  const funnel = page.getByRole("table", { name: "Funnel" });
  await expect(funnel.locator("tr[data-step=search] td").first()).toHaveText("Searched");
  await expect(page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Popularity" })).toHaveAttribute("href", /journey=holiday-booking/);
  // The breakdown's words are the journey's dimensions'.
  await page.getByRole("navigation", { name: "Breakdown" }).getByRole("link", { name: "Country" }).click();
  await expect(page.getByRole("table", { name: "Funnel by Country" })).toBeVisible();
  // Choosing a breakdown keeps the place: the reloaded page opens at the breakdown, not at its top.
  await expect(page).toHaveURL(/#breakdown$/);
  await expect(page.getByRole("heading", { name: "Breakdown" })).toBeInViewport();
  const reached = funnel.locator("tr[data-step=search] td").nth(1).getByRole("link");
  await expect(reached).toHaveAttribute("href", /journey=holiday-booking/);
  const shown = (await reached.textContent())!.replaceAll(",", "");
  await reached.click();
  await expect(page.getByTestId("drill-total")).toHaveText(`${shown} ${shown === "1" ? "session" : "sessions"}`);
  await expect(page.getByRole("status")).toContainText("of Holiday bookings");
});

test("a range with no session says so, and points to the days that have some", async ({ page, request }) => {
  await seedWorld(request);
  for (const report of ["", "/funnel", "/paths", "/popularity", "/destinations"]) {
    await page.goto(`/analytics${report}?journey=holiday-booking&from=2001-01-01&to=2001-01-07`);
    const empty = page.getByTestId("empty-range");
    await expect(empty).toContainText("Nothing in this range");
    await expect(empty).toContainText("No session of Holiday bookings started from 2001-01-01 to 2001-01-07");
    // No zeros dressed as figures ("of previous 100.0%").
    await expect(page.getByText("100.0%")).toHaveCount(0);
    await expect(page.getByRole("table")).toHaveCount(0);
  }
  await page.getByRole("link", { name: /^Show the 30 days up to \d{4}-\d\d-\d\d$/ }).click();
  await expect(page.getByTestId("empty-range")).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Destinations" }).locator("tbody tr").first()).toBeVisible();
});

test("today is marked as not over, and no change is shown against a period without data", async ({ page, request }) => {
  const tag = `today-${Date.now().toString(36)}`;
  const now = Date.now();
  await appendBatch(
    request,
    [0, 1].map((i) => ({
      specversion: "1.0",
      id: `${tag}-${i}`,
      source: "/e2e/today",
      type: "e2e.today.happened",
      time: new Date(now - (120 - i * 30) * 1000).toISOString(),
      userid: `usr-${tag}`,
      data: { ok: true },
    })),
  );
  const today = new Date(now).toISOString().slice(0, 10);
  const weekAgo = new Date(now - 6 * 86_400_000).toISOString().slice(0, 10);
  await expect(async () => {
    await page.goto(`/analytics?journey=generic&from=${weekAgo}&to=${today}`);
    await expect(page.getByTestId("empty-range")).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId("range-unfinished")).toHaveText(`Today (${today}) is not over: its figures are so far.`);
  await expect(page.getByTestId("no-comparison")).toContainText("today is not over");
  await expect(page.locator("[data-metric=Sessions]")).not.toContainText("%");
  await expect(page.getByRole("table", { name: "Per day" }).getByRole("row", { name: new RegExp(`^${today}\\s?so far`) })).toBeVisible();

  // The default range is whole days only, ending yesterday: no partial day, nothing marked.
  await page.goto("/analytics?journey=generic");
  const yesterday = new Date(now - 86_400_000).toISOString().slice(0, 10);
  await expect(page.getByText(new RegExp(`sessions started \\d{4}-\\d\\d-\\d\\d to ${yesterday} \\(UTC\\)`))).toBeVisible();
  await expect(page.getByTestId("range-unfinished")).toHaveCount(0);
  // The quick ranges say what they count back from.
  await expect(page.getByRole("group", { name: `The last days up to ${yesterday}` }).getByRole("link", { name: "7 days" })).toHaveAttribute(
    "href",
    new RegExp(`to=${yesterday}`),
  );
});
