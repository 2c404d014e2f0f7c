import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OTTO_FIXTURE, realDataDir, realDataSkipped } from "../testing/realdata";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { catchUp } from "./projector";
import { readSessionPositions } from "./read-sessions";
import { DEFAULT_TIMEOUT_MS } from "./sessionize";

const root = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "rewind-realdata-"));
const NOW = Date.parse("2030-01-01T00:00:00Z");

/** Writes events as NDJSON and appends them with the real command line, as an operator would. */
function importWithCli(t: TestStore, name: string, events: Record<string, unknown>[]) {
  const file = join(dir, `${name}-${t.target.provider}.ndjson`);
  writeFileSync(file, events.map((e) => JSON.stringify(e)).join("\n"));
  const url = t.target.url;
  execFileSync(join(root, "node_modules/.bin/tsx"), ["scripts/rewind.ts", "import", file], { cwd: root, env: { ...process.env, DATABASE_URL: url } });
}

interface TrivagoRow {
  user_id: string;
  session_id: string;
  timestamp: string;
  step: string;
  action_type: string;
  reference: string;
  city: string;
}

/** trivago RecSys 2019 rows as CloudEvents, ordered by timestamp then step (README of realdata). */
function trivago(file: string) {
  // train500_sooah.csv ends its lines with "\r\r\n": normalise line ends before parsing.
  const text = readFileSync(join(realDataDir(), "trivago_recsys2019", file), "utf8").replace(/\r+\n/g, "\n");
  const rows = (parse(text, { columns: true, skip_empty_lines: true }) as TrivagoRow[]).sort(
    (a, b) => Number(a.timestamp) - Number(b.timestamp) || Number(a.step) - Number(b.step),
  );
  const events = rows.map((r) => ({
    specversion: "1.0",
    id: `${r.session_id}-${r.step}`,
    source: `/trivago/${file}`,
    type: `trivago.${r.action_type.replaceAll(" ", "_")}`,
    subject: `trivago/${r.session_id}`,
    time: new Date(Number(r.timestamp) * 1000).toISOString(),
    userid: r.user_id,
    sessionid: r.session_id,
    data: { step: Number(r.step), reference: r.reference, city: r.city },
  }));
  return { rows, events };
}

interface OttoSession {
  session: number;
  events: { aid: number; ts: number; type: string }[];
}

describe.each(testProviders())("real data on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it.skipIf(realDataSkipped()).each(["train_small.csv", "test_small.csv", "train500_sooah.csv"])(
    "trivago %s: one session per session_id, every event in place, through the generic journey",
    async (file) => {
      const { rows, events } = trivago(file);
      importWithCli(t, file, events);
      await catchUp(t.store, { now: () => NOW });
      const bySession = new Map<string, TrivagoRow[]>();
      for (const r of rows) bySession.set(r.session_id, [...(bySession.get(r.session_id) ?? []), r]);
      for (const [sessionId, expected] of bySession) {
        const session = await t.store.db.session.findUniqueOrThrow({ where: { id: sessionId } });
        expect(session).toMatchObject({ userId: expected[0]!.user_id, eventCount: expected.length, journey: "generic" });
        const members = await readSessionPositions(t.store, sessionId, 0, 10_000);
        const stored = await t.store.db.storedEvent.findMany({ where: { position: { in: members.map((m) => BigInt(m.position)) } } });
        const byPosition = new Map(stored.map((e) => [Number(e.position), e]));
        expect(members.map((m) => (byPosition.get(m.position)!.dataJson as { step: number }).step)).toEqual(expected.map((r) => Number(r.step)));
      }
      const users = new Set(rows.map((r) => r.user_id));
      expect(await t.store.db.session.count({ where: { userId: { in: [...users] } } })).toBe(bySession.size);
    },
  );

  it("OTTO sessions (no session ids, weeks long) split by inactivity exactly where a plain loop says", async () => {
    const otto = readFileSync(OTTO_FIXTURE, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as OttoSession);
    const events = otto.flatMap((s) =>
      s.events.map((e, i) => ({
        specversion: "1.0",
        id: `otto-${s.session}-${i}`,
        source: "/otto/shop",
        type: `otto.${e.type}`,
        subject: `otto/${s.session}`,
        time: new Date(e.ts).toISOString(),
        userid: `otto-${s.session}`,
        data: { aid: e.aid },
      })),
    );
    importWithCli(t, "otto", events);
    await catchUp(t.store, { now: () => NOW });
    for (const s of otto) {
      // The plain loop: sort the timestamps, start a visit after any gap longer than the timeout.
      const times = s.events.map((e) => e.ts).sort((a, b) => a - b);
      const visits: number[][] = [];
      for (const ts of times) {
        const current = visits[visits.length - 1];
        if (current && ts - current[current.length - 1]! <= DEFAULT_TIMEOUT_MS) current.push(ts);
        else visits.push([ts]);
      }
      const sessions = await t.store.db.session.findMany({ where: { userId: `otto-${s.session}` }, orderBy: { startedAt: "asc" } });
      expect(sessions.map((x) => [x.startedAt.getTime(), x.lastEventAt.getTime(), x.eventCount])).toEqual(visits.map((v) => [v[0], v[v.length - 1], v.length]));
    }
  });
});
