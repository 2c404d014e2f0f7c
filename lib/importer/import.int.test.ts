import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFeed, readStream } from "../eventstore/read";
import { realDataDir, realDataSkipped } from "../testing/realdata";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { importRecords } from "./import-events";
import { readRecords } from "./read-records";

const dir = mkdtempSync(join(tmpdir(), "rewind-import-"));

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  specversion: "1.0",
  id,
  source: "/import/test",
  type: "import.thing.happened",
  subject: "import/stream",
  time: "2026-06-01T10:00:00Z",
  data: { id },
  ...extra,
});

/** trivago RecSys 2019 rows as CloudEvents: one stream per session, in (timestamp, step) order. */
function trivagoEvents(file: string): Record<string, unknown>[] {
  const rows = parse(readFileSync(join(realDataDir(), "trivago_recsys2019", file)), { columns: true }) as Record<string, string>[];
  return rows.map((row) => ({
    specversion: "1.0",
    id: `${row.session_id}-${row.step}`,
    source: "/trivago/clickstream",
    type: `trivago.${row.action_type!.replaceAll(" ", "_")}`,
    subject: `trivago-session/${row.session_id}`,
    time: new Date(Number(row.timestamp) * 1000).toISOString(),
    userid: row.user_id,
    sessionid: row.session_id,
    data: { step: Number(row.step), reference: row.reference, platform: row.platform, city: row.city, device: row.device },
  }));
}

describe.each(testProviders())("import on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("appends good lines and refuses bad ones with their line numbers and reasons", async () => {
    const file = join(dir, `mixed-${provider}.ndjson`);
    const lines = [
      JSON.stringify(event("a")),
      "{not json",
      JSON.stringify(event("b")),
      "",
      JSON.stringify({ ...event("c"), type: "" }),
      JSON.stringify(event("d", { source: "rewind/audit" })),
      JSON.stringify(event("a")),
      JSON.stringify(event("b", { data: { changed: true } })),
      JSON.stringify(event("e", { expectedversion: 0 })),
      JSON.stringify(event("f")),
    ];
    writeFileSync(file, `${lines.join("\n")}\n`);
    const summary = await importRecords(t.store, readRecords(file));
    expect(summary).toMatchObject({ read: 9, appended: 3, duplicates: 1, refusedCount: 5 });
    expect(summary.refused.map((r) => r.line).sort((x, y) => x - y)).toEqual([2, 5, 6, 8, 9]);
    expect(summary.refused.find((r) => r.line === 2)!.reason).toMatch(/not valid JSON/);
    expect(summary.refused.find((r) => r.line === 5)!.reason).toMatch(/^type: /);
    expect(summary.refused.find((r) => r.line === 6)!.reason).toMatch(/reserved/);
    expect(summary.refused.find((r) => r.line === 8)!.reason).toMatch(/different content/);
    expect(summary.refused.find((r) => r.line === 9)!.reason).toMatch(/expected 0/);
    expect((await readStream(t.store, "import/stream")).map((e) => e.eventId)).toEqual(["a", "b", "f"]);
  });

  it("refuses a record over a shape limit with the HTTP API's reason, and imports the rest", async () => {
    const file = join(dir, `limits-${provider}.ndjson`);
    const nested = `${"[".repeat(1_200)}${"]".repeat(1_200)}`;
    const deep = `{"specversion":"1.0","id":"deep","source":"/import/test","type":"t","subject":"import/limits","data":${nested}}`;
    // Incompressible: PostgreSQL's index on userid refused to append it (a B-tree entry holds ~2,700 bytes).
    const userid = randomBytes(3_000).toString("base64").slice(0, 3_000);
    const lines = [
      deep,
      JSON.stringify(event("long", { subject: "import/limits", data: { note: "x".repeat(262_145) } })),
      JSON.stringify(event("ok", { subject: "import/limits" })),
      JSON.stringify(event("wide", { subject: "import/limits", userid })),
    ];
    writeFileSync(file, `${lines.join("\n")}\n`);
    const summary = await importRecords(t.store, readRecords(file));
    expect(summary).toMatchObject({ read: 4, appended: 1, refusedCount: 3 });
    expect(summary.refused.find((r) => r.line === 4)!.reason).toMatch(/^userid: userid \(3000 bytes\) is over the limit of 1024/);
    expect(summary.refused.find((r) => r.line === 1)!.reason).toMatch(/^data: the nesting depth is over the limit of 64 \(REWIND_MAX_NESTING_DEPTH\)/);
    expect(summary.refused.find((r) => r.line === 2)!.reason).toMatch(/over the limit of 262144 \(REWIND_MAX_STRING_LENGTH\)/);
    expect((await readStream(t.store, "import/limits")).map((e) => e.eventId)).toEqual(["ok"]);
  });

  it("reads a JSON array file as a stream of events", async () => {
    const file = join(dir, `array-${provider}.json`);
    writeFileSync(file, JSON.stringify([1, 2, 3].map((i) => event(`arr-${i}`, { subject: "import/array" }))));
    const summary = await importRecords(t.store, readRecords(file));
    expect(summary).toMatchObject({ read: 3, appended: 3, refusedCount: 0 });
    expect((await readStream(t.store, "import/array")).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
  });

  it.skipIf(realDataSkipped())("imports the trivago clickstream sample, every row once, each session in step order", async () => {
    const events = trivagoEvents("train_small.csv");
    const file = join(dir, `trivago-${provider}.ndjson`);
    // Twice over: the second pass must be all duplicates.
    writeFileSync(file, [...events, ...events].map((e) => JSON.stringify(e)).join("\n"));
    const summary = await importRecords(t.store, readRecords(file));
    expect(summary).toMatchObject({ read: events.length * 2, appended: events.length, duplicates: events.length, refusedCount: 0 });
    const stored = (await readFeed(t.store, { after: 0, limit: 1000, filter: { type: "trivago.clickout_item" } })).length;
    expect(stored).toBe(events.filter((e) => e.type === "trivago.clickout_item").length);
    const session = events[0]!.subject as string;
    const steps = (await readStream(t.store, session)).map((e) => (e.dataJson as { step: number }).step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps.length).toBe(events.filter((e) => e.subject === session).length);
  });
});
