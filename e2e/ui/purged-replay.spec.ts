import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { cloudEvent } from "../support/seed";
import { seedUserSession } from "../support/seed-session";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("agent") });

const RULE = "search.* kept 90 days (retention policy v3)";

/** Purges events behind the server's back, as a retention purge would (e2e/support/purge-stored-events.ts). */
function purge(eventIds: string[]): number {
  const output = execFileSync("node_modules/.bin/tsx", ["e2e/support/purge-stored-events.ts", RULE, ...eventIds], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./test-results/e2e-store/rewind.db" },
  });
  return Number(output.toString().trim().split("\n").pop());
}

test("an agent replays a partly purged session: the removed events are named with their rule where they were", async ({ page, request }) => {
  const { sessionId, tag } = await seedUserSession(request, (user, t) => [
    cloudEvent({
      id: `${t}-3`,
      source: "/holidays/search",
      type: "search.destinations.searched",
      subject: `search/${user}`,
      userid: user,
      time: "2026-06-01T10:03:00Z",
      data: { query: "Porto", destination: "OPO", checkIn: "2026-07-01", checkOut: "2026-07-08", nights: 7, adults: 2, children: 0, results: 12 },
    }),
    cloudEvent({
      id: `${t}-4`,
      source: "/holidays/offers",
      type: "offers.offer.viewed",
      subject: `offer/OF-${t}`,
      userid: user,
      time: "2026-06-01T10:05:00Z",
      data: { offerId: `OF-${t}`, destination: "OPO", hotel: "Ribeira Hotel Porto", package: "room-only", pricePerPerson: 400 },
    }),
  ]);
  // The two searches go; the sign-in and the offer stay.
  expect(purge([`${tag}-2`, `${tag}-3`])).toBe(2);

  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(page.getByRole("heading", { name: /Session replay · 2 events/ })).toBeVisible();
  await expect(page.getByTestId("removed-count")).toHaveText("· 2 removed by retention");
  const list = page.getByRole("list", { name: "Session events" });
  const rows = list.getByRole("listitem");
  await expect(rows).toHaveCount(4);
  // In session order: the sign-in, both removed searches, then the offer the customer viewed.
  await expect(rows.nth(0)).not.toHaveAttribute("data-removed");
  for (const i of [1, 2]) {
    await expect(rows.nth(i)).toHaveAttribute("data-removed", "");
    await expect(rows.nth(i)).toContainText(`Removed by retention: ${RULE}, 1 Sept 2026 02:30 UTC`);
    await expect(rows.nth(i)).toContainText("search.destinations.searched");
  }
  await expect(rows.nth(3)).not.toHaveAttribute("data-removed");
  await expect(rows.nth(3)).toContainText(/Ribeira Hotel Porto|offer/i);

  // The printable summary says the same.
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}/print`);
  await expect(page.locator("tr[data-removed]")).toHaveCount(2);
  await expect(page.locator("tr[data-removed]").first()).toContainText(RULE);

  if (process.env.E2E_SCREENSHOTS) {
    for (const scheme of ["light", "dark"] as const) {
      for (const width of [1440, 390]) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
        await expect(page.getByRole("list", { name: "Session events" }).getByRole("listitem")).toHaveCount(4);
        await expect(page.getByText(/Raw event · /)).toBeVisible();
        await page.screenshot({ path: `test-results/purged-replay-${scheme}-${width}.png`, fullPage: true });
      }
    }
  }
});
