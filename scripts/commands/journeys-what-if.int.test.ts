import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importRecords } from "../../lib/importer/import-events";
import { catchUp } from "../../lib/sessions/projector";
import { createTestStore, testProviders, type TestStore } from "../../lib/testing/test-stores";
import { SHOP_TEXT, shopCloudEvents } from "../../lib/testing/what-if-world";
import { runJourneys } from "./journeys";

const NOW = () => Date.parse("2026-06-10T00:00:00Z");

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

describe.each(testProviders())("rewind journeys what-if on %s", (provider) => {
  let t: TestStore;
  let dir: string;
  const previous = { url: process.env.DATABASE_URL, journeys: process.env.REWIND_JOURNEYS_DIR };
  beforeAll(async () => {
    t = await createTestStore(provider);
    await importRecords(t.store, records(shopCloudEvents("2026-06-01", 2, 10)));
    await catchUp(t.store, { now: NOW });
    dir = mkdtempSync(join(tmpdir(), "rewind-what-if-cli-"));
    process.env.DATABASE_URL = t.target.url;
    process.env.REWIND_JOURNEYS_DIR = join(dir, "no-seed");
    writeFileSync(join(dir, "shop.json"), SHOP_TEXT);
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previous.url;
    process.env.REWIND_JOURNEYS_DIR = previous.journeys;
    rmSync(dir, { recursive: true, force: true });
    await t.dispose();
  });

  it("prints progress, both funnels side by side with the difference, the outcome changes and changed sessions; stores nothing", async () => {
    const out: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
    try {
      await runJourneys(["what-if", join(dir, "shop.json"), "--from", "2026-06-01", "--to", "2026-06-02"]);
    } finally {
      log.mockRestore();
    }
    const text = out.join("\n");
    const events = await t.store.db.storedEvent.count();
    expect(text).toContain(`${events} of ${events} events`);
    // Nothing claims shop events now (generic): every visit is new to the draft's funnel.
    expect(text).toMatch(/sessions\s+0\s+(\d+)\s+\+\1\n/);
    expect(text).toMatch(/Viewed a product\s+0\s+\d+\s+\+\d+/);
    expect(text).toMatch(/Outcome changes:\n( {2}.+\n)* {2}browsed → completed: \d+ session\(s\)/);
    expect(text).toMatch(/Changed sessions \(first 20 of \d+\):\n {2}s_\S+ {2}changed/);
    expect(await t.store.db.journeyDefinitionVersion.count()).toBe(0);
    expect(await t.store.db.whatIfJob.count()).toBe(0);
  });

  it.each([
    [["what-if", "/no/such/file.json"], "journeys what-if: cannot read /no/such/file.json (ENOENT)"],
    [["what-if", "shop.json", "--from", "June"], "--from must be a UTC day"],
    [["what-if", "shop.json", "--from", "2026-06-05", "--to", "2026-06-01"], "--from must not be after --to"],
    [["list", "--from", "2026-06-01"], "--from, --to: only journeys what-if takes them"],
  ])("%j is refused: %s", async (args, message) => {
    await expect(runJourneys(args.map((a) => (a === "shop.json" ? join(dir, a) : a)))).rejects.toThrow(message);
  });
});

describe("rewind journeys what-if, the command", () => {
  it("exits 1 on an invalid file, printing each error with its JSON path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rewind-what-if-exit-"));
    try {
      writeFileSync(join(dir, "bad.json"), JSON.stringify({ ...JSON.parse(SHOP_TEXT), priority: "high" }));
      const run = promisify(execFile)("node_modules/.bin/tsx", ["scripts/rewind.ts", "journeys", "what-if", join(dir, "bad.json")], {
        env: { ...process.env, DATABASE_URL: `file:${join(dir, "store.db")}` },
      });
      const failed = (await run.catch((error: unknown) => error)) as { code: number; stderr: string };
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/is not a valid journey definition \(1 error\(s\)\):\n {2}priority: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
