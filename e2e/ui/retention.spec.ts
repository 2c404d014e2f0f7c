import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { cloudEvent, headPosition, serviceAuth, uniqueTag } from "../support/seed";
import { viewerIdOf } from "../support/signed-in";
import { storageStateOf } from "../support/users";

const DAY = 86_400_000;

/** The store behind the server's back (e2e/support/retention-store.ts). */
function store(...args: string[]): string {
  return execFileSync("node_modules/.bin/tsx", ["e2e/support/retention-store.ts", ...args], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./test-results/e2e-store/rewind.db" },
  })
    .toString()
    .trim();
}

interface Seeded {
  id: string;
  type: string;
  source: string;
  recordedAt: Date;
}

/** This run's events, each recorded at its own time; the last group is recorded now (the newest event always stays). */
function seed(t: string, now: number): Seeded[] {
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const rows: [string, string, Date][] = [
    [`e2e.${t}.search.done`, "/e2e/retention/web", at(120)],
    [`e2e.${t}.search.done`, "/e2e/retention/web", at(75)],
    [`e2e.${t}.search.refined`, "/e2e/retention/web", at(40)],
    [`e2e.${t}.search.done`, "/e2e/retention/web", at(5)],
    [`e2e.${t}.payment.made`, "/e2e/retention/pay", at(400)],
    [`e2e.${t}.payment.made`, "/e2e/retention/pay", at(100)],
    [`e2e.${t}.payment.made`, "/e2e/retention/other", at(400)],
    [`e2e.${t}.misc.noted`, "/e2e/retention/web", at(200)],
    [`e2e.${t}.misc.noted`, "/e2e/retention/web", new Date("1925-03-01T12:00:00Z")],
    [`e2e.${t}.misc.noted`, "/e2e/retention/web", new Date("1925-06-01T12:00:00Z")],
    [`e2e.${t}.search.done`, "/e2e/retention/web", new Date(now)],
  ];
  return rows.map(([type, source, recordedAt], i) => ({ id: `${t}-${i}`, type, source, recordedAt }));
}

/** The policy the admin previews, saves and runs: only this run's types (the store is shared with every other test). */
const policyOf = (t: string) => ({
  rules: [
    { types: [`e2e.${t}.search.*`], keepDays: 30 },
    { types: `e2e.${t}.payment.*`, sources: ["/e2e/retention/pay"], keepDays: 365 },
  ],
  defaultKeepDays: 36_500,
});

/** What each rule removes at `now`, by a plain loop over the seeded events (not lib/retention's SQL). */
function expected(t: string, events: Seeded[], now: number) {
  const keep = [30, 365, 36_500];
  const rules = keep.map(() => ({ due: [] as Seeded[] }));
  for (const e of events) {
    let rule = 2;
    if (e.type.startsWith(`e2e.${t}.search.`)) rule = 0;
    else if (e.type.startsWith(`e2e.${t}.payment.`) && e.source === "/e2e/retention/pay") rule = 1;
    if (e.recordedAt.getTime() < now - keep[rule]! * DAY) rules[rule]!.due.push(e);
  }
  return rules.map(({ due }) => {
    const days = due.map((e) => e.recordedAt.toISOString().slice(0, 10)).sort();
    const span = days.length === 0 ? "—" : days[0] === days[days.length - 1] ? days[0]! : `${days[0]} to ${days[days.length - 1]}`;
    return { count: due.length, span, ids: due.map((e) => e.id) };
  });
}

async function expectRules(page: Page, table: string, rules: ReturnType<typeof expected>) {
  const rows = page.getByRole("table", { name: table }).locator("tr[data-rule]");
  await expect(rows).toHaveCount(rules.length);
  for (const [i, rule] of rules.entries()) {
    await expect(rows.nth(i).getByTestId("rule-count")).toHaveText(String(rule.count));
    await expect(rows.nth(i).getByTestId("rule-dates")).toHaveText(rule.span);
  }
  await expect(page.getByRole("table", { name: table }).getByTestId("total-count")).toHaveText(String(rules.reduce((n, r) => n + r.count, 0)));
}

async function auditTypes(request: APIRequestContext, viewerId: string): Promise<string[]> {
  const response = await request.get(`/api/streams/${encodeURIComponent(`rewind/audit/${viewerId}`)}?limit=1000`, { headers: serviceAuth });
  return response.status() === 404 ? [] : (await response.json()).events.map((e: { type: string }) => e.type);
}

const versions = async (page: Page) => page.getByRole("list", { name: "Retention policy history" }).getByRole("listitem").count();

test.afterAll(() => {
  // The policy stays in force after the spec: one that removes nothing leaves every later test's events alone.
  store("keep-everything");
});

test("an admin previews a policy (counts as a plain loop gives), saves it, runs it: the due events are tombstoned, the rest stay", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const t = uniqueTag("ret").replace(/[^a-z0-9]/g, "");
  const now = Date.now();
  const events = seed(t, now);
  const dir = mkdtempSync(join(tmpdir(), "rewind-retention-"));
  const groups = events.map((e) => ({
    recordedAt: e.recordedAt.toISOString(),
    events: [cloudEvent({ id: e.id, type: e.type, source: e.source, subject: `retention/${t}`, time: e.recordedAt.toISOString(), data: { n: e.id } })],
  }));
  writeFileSync(join(dir, "events.json"), JSON.stringify(groups));
  const positions = JSON.parse(store("append", join(dir, "events.json"))) as Record<string, number>;
  const rules = expected(t, events, now);
  expect(rules.map((r) => r.count)).toEqual([3, 1, 2]);

  const adminId = await viewerIdOf(page.request);
  const auditBefore = await auditTypes(request, adminId);
  await page.goto("/admin/retention");
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Retention" })).toHaveAttribute("aria-current", "page");
  const versionsBefore = await versions(page);
  const editor = page.getByLabel("Retention policy (JSON)");

  // The example is there on request.
  await page.getByRole("button", { name: "Start from the example" }).click();
  await expect(editor).toHaveValue(/"search\.\*"/);

  // Preview: per rule and for the default, the counts and the recorded dates the plain loop gives; nothing written.
  const head = await headPosition(request);
  await editor.fill(JSON.stringify(policyOf(t), null, 2));
  await page.getByRole("button", { name: "Preview" }).click();
  await expectRules(page, "Draft preview by rule", rules);
  await expect(page.getByRole("region", { name: "Draft preview" })).toContainText(`e2e.${t}.payment.* from /e2e/retention/pay kept 365 days`);
  expect(await headPosition(request)).toBe(head);
  expect(await auditTypes(request, adminId)).toEqual(auditBefore);
  await page.reload();
  expect(await versions(page)).toBe(versionsBefore);

  // A bad policy is refused with its error at its path, marked on its line; nothing previewed.
  const bad = policyOf(t);
  bad.rules[1]!.keepDays = 0;
  await editor.fill(JSON.stringify(bad, null, 2));
  await page.getByRole("button", { name: "Preview" }).click();
  const problems = page.getByRole("list", { name: "Policy problems" });
  await expect(problems).toContainText("rules[1].keepDays: keepDays must be at least 1 day");
  await expect(page.locator("[data-error-line]")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Draft preview" })).toHaveCount(0);

  // Save: a new version, in force, on record.
  await editor.fill(JSON.stringify(policyOf(t), null, 2));
  await page.getByRole("button", { name: "Save a new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved version" })).toBeVisible();
  await expect.poll(() => versions(page)).toBe(versionsBefore + 1);
  const version = Number(/Version (\d+)/.exec((await page.getByTestId("in-force").textContent()) ?? "")?.[1]);
  await expect(page.getByTestId("in-force")).toContainText(`e2e.${t}.search.* 30d`);

  // Run now asks first: dismissed, nothing runs.
  const run = page.getByRole("button", { name: "Run now" });
  page.once("dialog", (dialog) => void dialog.dismiss());
  await run.click();
  await expect(page.getByRole("region", { name: "Purge result" })).toHaveCount(0);
  const due = rules.flatMap((r) => r.ids).map((id) => positions[id]!);
  const kept = events.map((e) => positions[e.id]!).filter((p) => !due.includes(p));
  expect(JSON.parse(store("where", ...due.map(String))).tombstoned).toEqual([]);

  // Accepted: the removed count, the archive, the archive verified.
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain(`Run retention policy v${version} now?`);
    void dialog.accept();
  });
  await run.click();
  const result = page.getByRole("region", { name: "Purge result" });
  await expect(result.getByTestId("removed")).toContainText(`Removed 6 events under v${version}`, { timeout: 20_000 });
  await expect(result.getByTestId("archive")).toHaveText(/^purge-\d{8}T\d{6}Z-[0-9a-f]{6}\.ndjson\.gz$/);
  await expect(result.getByTestId("verify")).toContainText("Verified: the archive's 6 events hash to their tombstones");
  await expectRules(page, "Removed by rule", rules);

  // In the store: the due events are tombstones now, every other one of this run is still there.
  const where = JSON.parse(store("where", ...events.map((e) => String(positions[e.id]!)))) as { stored: number[]; tombstoned: number[] };
  expect(where.tombstoned).toEqual([...due].sort((a, b) => a - b));
  expect(where.stored).toEqual([...kept].sort((a, b) => a - b));
  // The record still verifies: the removed events count as purged, their tombstones keep the chain.
  const verified = (await (await request.get("/api/integrity/verify", { headers: serviceAuth })).text()).trim().split("\n").at(-1)!;
  expect(JSON.parse(verified).result).toMatchObject({ ok: true, problemCount: 0 });
  expect(JSON.parse(verified).result.purged).toBeGreaterThanOrEqual(6);
  // On record: the save and the run, not the preview.
  expect((await auditTypes(request, adminId)).slice(auditBefore.length)).toEqual(["rewind.audit.retention-policy.saved", "rewind.audit.retention.purged"]);

  // Run again: nothing is due any more.
  page.once("dialog", (dialog) => void dialog.accept());
  await run.click();
  await expect(page.getByRole("form", { name: "Run the policy now" }).getByText(`Nothing was due under v${version}: no event removed.`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Purge result" })).toHaveCount(0);
});

test("a purge running elsewhere is said so, and Run now waits for it", async ({ page }) => {
  const purgeId = `purge-e2e-held-${Date.now().toString(36)}`;
  store("claim", purgeId);
  try {
    await page.goto("/admin/retention");
    // Without a saved version there is nothing to run: save one that removes nothing first.
    if ((await page.getByRole("button", { name: "Run now" }).count()) === 0) {
      store("keep-everything");
      await page.reload();
    }
    await expect(page.getByRole("form", { name: "Run the policy now" })).toContainText(`A purge (${purgeId}) has been running since`);
    await expect(page.getByRole("button", { name: "Run now" })).toBeDisabled();
  } finally {
    store("release", purgeId);
  }
  await page.reload();
  await expect(page.getByRole("button", { name: "Run now" })).toBeEnabled();
});

for (const role of ["agent", "analyst"] as const) {
  test.describe(`as an ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });
    test("the retention page is forbidden", async ({ page }) => {
      expect((await page.goto("/admin/retention"))!.status()).toBe(403);
      await expect(page.getByLabel("Retention policy (JSON)")).toHaveCount(0);
    });
  });
}
