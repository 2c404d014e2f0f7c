import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFeed } from "../eventstore/read";
import { OTTO_FIXTURE, realDataDir, realDataSkipped } from "../testing/realdata";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { importRecords } from "./import-events";
import { IMPORT_FORMATS } from "./import-formats";

const root = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "rewind-import-formats-"));
const TRIVAGO_FILES = ["train_small.csv", "test_small.csv", "train500_sooah.csv"];

function cli(t: TestStore, args: string[]): string {
  return execFileSync(join(root, "node_modules/.bin/tsx"), ["scripts/rewind.ts", "import", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: t.target.url },
  }).toString();
}

describe.each(testProviders())("import formats on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("imports OTTO with --format otto, every event once; a second import is all duplicates", async () => {
    const events = readFileSync(OTTO_FIXTURE, "utf8")
      .trim()
      .split("\n")
      .reduce((n, l) => n + (JSON.parse(l) as { events: unknown[] }).events.length, 0);
    expect(cli(t, ["--format", "otto", OTTO_FIXTURE])).toMatch(new RegExp(`${events} read, ${events} appended, 0 duplicates, 0 refused`));
    expect(cli(t, ["--format=otto", OTTO_FIXTURE])).toMatch(new RegExp(`${events} read, 0 appended, ${events} duplicates, 0 refused`));
    const stored = await readFeed(t.store, { after: 0, limit: 10_000, filter: { type: "otto.article.ordered" } });
    expect(stored.length).toBe((readFileSync(OTTO_FIXTURE, "utf8").match(/"type":"orders"/g) ?? []).length);
  });

  it("refuses the events of a changed OTTO file as conflicts, naming the line and the event, and appends the new ones", async () => {
    const [first] = readFileSync(OTTO_FIXTURE, "utf8").split("\n");
    const session = JSON.parse(first!) as { session: number; events: { aid: number; ts: number; type: string }[] };
    session.events[1]!.aid += 1;
    session.events.push({ aid: 5, ts: session.events[session.events.length - 1]!.ts + 1_000, type: "clicks" });
    const file = join(dir, `changed-${provider}.jsonl`);
    writeFileSync(file, `${JSON.stringify(session)}\n${JSON.stringify({ session: 1e9, events: [{ aid: 1, ts: 1, type: "views" }] })}\n`);
    const summary = await importRecords(t.store, IMPORT_FORMATS.otto(file));
    expect(summary).toMatchObject({ read: session.events.length + 1, appended: 1, duplicates: session.events.length - 2, refusedCount: 2 });
    expect(summary.refused).toEqual([
      { line: 2, reason: 'events[0].type: "views" is not clicks, carts or orders' },
      { line: 1, reason: expect.stringMatching(/^events\[1\]: .*different content/) },
    ]);
  });

  it.skipIf(realDataSkipped())("imports the three trivago samples with no refusal; a second import is all duplicates", async () => {
    for (const file of TRIVAGO_FILES) {
      const path = join(realDataDir(), "trivago_recsys2019", file);
      const rows =
        readFileSync(path, "utf8")
          .split(/\r*\n/)
          .filter((l) => l.trim() !== "").length - 1;
      const once = await importRecords(t.store, IMPORT_FORMATS["trivago-recsys2019"](path));
      expect(once).toMatchObject({ read: rows, appended: rows, duplicates: 0, refusedCount: 0 });
      const twice = await importRecords(t.store, IMPORT_FORMATS["trivago-recsys2019"](path));
      expect(twice).toMatchObject({ read: rows, appended: 0, duplicates: rows, refusedCount: 0 });
    }
  });
});
