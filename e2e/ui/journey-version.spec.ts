import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { seedUserSession } from "../support/seed-session";

/** The built-in booking journey's name for its version: its fold version once the live generation records one. */
const BUILT_IN = /^holiday-booking \(built-in(, fold v\d+)?\)$/;

test("the replay, the analytics header and every export name the one journey version that folded them", async ({ page }) => {
  const seeded = await seedUserSession(page.request);
  const base = `/sessions/${encodeURIComponent(seeded.sessionId)}`;

  // The replay says it, and its exports carry the same words in the file itself.
  await page.goto(base);
  const named = (await page.getByTestId("journey-version").textContent())?.replace(/^folded by /, "") ?? "";
  expect(named).toMatch(BUILT_IN);

  const json = await (await page.request.get(`${base}/export/json`)).json();
  // An agent may see notes: the session's (none here) follow the events.
  expect(Object.keys(json)).toEqual(["session", "events", "notes"]);
  expect(json.session.journeyVersion).toMatchObject({ name: "holiday-booking", builtIn: true, label: named });

  const csv = parse(await (await page.request.get(`${base}/export/csv`)).text(), { columns: true }) as Record<string, string>[];
  // The four columns the export always had, in their places, then the version on every line (and, for an agent, the notes).
  expect(Object.keys(csv[0]!)).toEqual(["time", "service", "event", "description", "journey_version", "notes"]);
  expect(new Set(csv.map((r) => r.journey_version))).toEqual(new Set([named]));
  await page.goto(`${base}/print`);
  await expect(page.getByText(`folded by ${named}`)).toBeVisible();

  // Each analytics page's header, and its CSV on every row.
  const range = "journey=holiday-booking&from=2026-06-01&to=2026-06-01";
  for (const path of ["/analytics", "/analytics/funnel", "/analytics/popularity", "/analytics/paths"]) {
    await page.goto(`${path}?${range}`);
    await expect(page.getByTestId("journey-version"), path).toHaveText(`Folded by ${named}`);
  }
  const funnel = parse(await (await page.request.get(`/analytics/export/funnel?${range}`)).text()) as string[][];
  const [header, ...rows] = funnel;
  expect(header!.slice(0, 3)).toEqual(["step", "sessions", "of_all"]);
  expect(header!.at(-1)).toBe("journey_version");
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.at(-1)).toBe(named);
});
