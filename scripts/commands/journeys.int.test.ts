import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importRecords } from "../../lib/importer/import-events";
import { buildingGeneration, buildUntilSwitched, liveGeneration } from "../../lib/sessions/generations";
import { catalogFailingOn } from "../../lib/testing/failing-journey";
import { createTestStore, testProviders, type TestStore } from "../../lib/testing/test-stores";
import { runJourneys } from "./journeys";
import { BOOKING_FOLD_VERSION } from "../../lib/journeys/built-in-folds";

const SHOP = readFileSync("lib/testing/fixtures/shop-journey.json", "utf8");

/** What a command printed to stdout (console.log and process.stdout.write), as one string. */
async function printed(run: () => Promise<void>): Promise<string> {
  const out: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(`${args.join(" ")}\n`));
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    log.mockRestore();
    write.mockRestore();
  }
  return out.join("");
}

describe.each(testProviders())("rewind journeys on %s", (provider) => {
  let t: TestStore;
  let dir: string;
  const previous = { url: process.env.DATABASE_URL, journeys: process.env.REWIND_JOURNEYS_DIR };
  beforeAll(async () => {
    t = await createTestStore(provider);
    dir = mkdtempSync(join(tmpdir(), "rewind-journeys-cli-"));
    process.env.DATABASE_URL = t.target.url;
    process.env.REWIND_JOURNEYS_DIR = join(dir, "no-seed");
    writeFileSync(join(dir, "shop.json"), SHOP);
    const bad = JSON.parse(SHOP);
    bad.steps[2].when.type = "";
    bad.outcome.completed = "paid";
    writeFileSync(join(dir, "bad.json"), JSON.stringify(bad, null, 2));
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previous.url;
    process.env.REWIND_JOURNEYS_DIR = previous.journeys;
    rmSync(dir, { recursive: true, force: true });
    await t.dispose();
  });

  it("apply refuses an invalid file naming each error's path, and stores nothing", async () => {
    const refused = runJourneys(["apply", join(dir, "bad.json")]);
    await expect(refused).rejects.toThrow(
      new RegExp(
        String.raw`is not a valid journey definition; nothing was stored \(2 error\(s\)\):\n {2}steps\[2\]\.when\.type: .+\n` +
          String.raw` {2}outcome\.completed: "paid" is not a step key`,
      ),
    );
    expect(await t.store.db.journeyDefinitionVersion.count()).toBe(0);
  });

  it("apply stores version 1 and folds it into a new generation, switched in before it returns", async () => {
    const before = await liveGeneration(t.store);
    const out = await printed(() => runJourneys(["apply", join(dir, "shop.json")]));
    expect(out).toContain("Stored shop v1 (first version).");
    expect(out).toMatch(/Generation \d+ of the read models is live/);
    const live = await liveGeneration(t.store);
    expect(live.id).toBeGreaterThan(before.id);
    expect(live.definitions).toEqual({ shop: 1, "@booking": BOOKING_FOLD_VERSION });
  });

  it("apply of the same file again stores nothing and starts nothing", async () => {
    const out = await printed(() => runJourneys(["apply", join(dir, "shop.json")]));
    expect(out).toContain("Unchanged: shop v1 is already this definition; nothing stored.");
    expect(await t.store.db.journeyDefinitionVersion.count()).toBe(1);
  });

  it("list shows every journey with its version, priority, steps and who changed it; show adds the history; export prints the file exactly", async () => {
    const changed = SHOP.replace('"label": "Shop visits"', '"label": "Shop"');
    writeFileSync(join(dir, "shop.json"), changed);
    await printed(() => runJourneys(["apply", join(dir, "shop.json"), "--detach"]));
    const list = (await printed(() => runJourneys(["list"]))).trim().split("\n");
    expect(list[0]).toMatch(/^NAME\s+LABEL\s+VERSION\s+PRIORITY\s+STEPS\s+CHANGED BY\s+CHANGED AT$/);
    expect(list[1]).toMatch(/^shop\s+Shop\s+v2 \(being prepared; live v1\)\s+10\s+3\s+cli\s+\d{4}-\d\d-\d\dT/);
    expect(list[2]).toMatch(/^holiday-booking\s+.+\s+built-in\s+0\s+\d+$/);
    const show = await printed(() => runJourneys(["show", "shop"]));
    expect(show).toContain("shop v2: Shop (priority 10)");
    expect(show).toMatch(/v2\s+\S+\s+cli\s+label "Shop visits" → "Shop"\nv1\s+\S+\s+cli\s+first version/);
    expect(await printed(() => runJourneys(["export", "shop"]))).toBe(changed);
  });

  it("list and show say plainly that a version failed to build and which one is live; applying it unchanged retries it", async () => {
    async function* cart() {
      const value = {
        specversion: "1.0",
        id: "cli-cart-1",
        source: "shop/web",
        type: "shop.cart.added",
        time: new Date().toISOString(),
        userid: "u1",
        sessionid: "s1",
        data: {},
      };
      yield { line: 1, value };
    }
    await importRecords(t.store, cart());
    const building = await buildingGeneration(t.store);
    const build = buildUntilSwitched(t.store, building!.id, { catalog: catalogFailingOn(readFileSync(join(dir, "shop.json"), "utf8"), "shop.cart.added") });
    await expect(build).rejects.toThrow(/is failed/);
    expect(await printed(() => runJourneys(["list"]))).toMatch(/\nshop\s+Shop\s+v2 \(failed to build \(TypeError\); live v1\)\s+10/);
    const show = await printed(() => runJourneys(["show", "shop"]));
    expect(show).toMatch(/^shop v2: Shop \(priority 10\)\nv2 failed to build \(TypeError\) at event \d+ of \d+ \(generation \d+\); v1 stays live\.\n/);
    expect(show).toContain("Apply it unchanged to retry, or apply a fixed version.");
    const retried = await printed(() => runJourneys(["apply", join(dir, "shop.json")]));
    expect(retried).toContain("Retrying shop v2: its last build failed; nothing new stored.");
    expect(retried).toMatch(/Generation \d+ of the read models is live/);
    expect((await liveGeneration(t.store)).definitions).toEqual({ shop: 2, "@booking": BOOKING_FOLD_VERSION });
    expect(await printed(() => runJourneys(["list"]))).toMatch(/\nshop\s+Shop\s+v2\s+10/);
  });

  it.each([
    [["show", "nope"], 'no stored journey definition named "nope"'],
    [["export", "holiday-booking"], 'journey "holiday-booking" is the built-in booking journey: it has no stored definition'],
    [["apply"], "usage: journeys"],
    [["list", "--detach"], "--detach: only journeys apply takes it"],
    [["apply", "/no/such/file.json"], "journeys apply: cannot read /no/such/file.json (ENOENT)"],
  ])("%j is refused: %s", async (args, message) => {
    await expect(runJourneys(args)).rejects.toThrow(message);
  });
});

describe("the rewind command", () => {
  it("exits 1 on an invalid file, printing each error with its JSON path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rewind-journeys-exit-"));
    try {
      writeFileSync(join(dir, "bad.json"), JSON.stringify({ ...JSON.parse(SHOP), priority: "high" }));
      const run = promisify(execFile)("node_modules/.bin/tsx", ["scripts/rewind.ts", "journeys", "apply", join(dir, "bad.json")], {
        env: { ...process.env, DATABASE_URL: `file:${join(dir, "store.db")}`, REWIND_JOURNEYS_DIR: join(dir, "none") },
      });
      const failed = (await run.catch((error: unknown) => error)) as { code: number; stderr: string };
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/nothing was stored \(1 error\(s\)\):\n {2}priority: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
