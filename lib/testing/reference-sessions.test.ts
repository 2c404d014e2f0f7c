import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { medianOf, referenceFunnel, referenceOverview, referencePopularity } from "./reference-figures";
import { OTTO_FIXTURE } from "./realdata";
import { ottoReference, trivagoReference } from "./reference-sessions";

const dir = mkdtempSync(join(tmpdir(), "rewind-reference-"));
const NOW = Date.parse("2030-01-01T00:00:00Z");
const T0 = 1541037460; // 2018-11-01T01:57:40Z
const HEADER = "user_id,session_id,timestamp,step,action_type,reference,platform,city,device,current_filters,impressions,prices";

/** A trivago CSV from [user, session, seconds after T0, action, reference, city?]. */
function trivagoFile(name: string, rows: [string, string, number, string, string, string?][]): string {
  const file = join(dir, name);
  const lines = rows.map(([u, s, dt, action, ref, city = "Sydney, Australia"], i) => `${u},${s},${T0 + dt},${i + 1},${action},${ref},AU,"${city}",mobile,,,`);
  writeFileSync(file, `${[HEADER, ...lines].join("\r\r\n")}\r\r\n`);
  return file;
}

describe("the reference sessions (a plain loop over the raw files)", () => {
  it("follows the steps in order: one event reaches one step, and later matches of an earlier step change nothing", () => {
    const file = trivagoFile("order.csv", [
      ["u1", "s1", 0, "interaction item image", "10"], // reaches "searched" only
      ["u1", "s1", 10, "clickout item", "10"], // not after an interaction: nothing
      ["u1", "s1", 20, "interaction item info", "11"], // "interacted"
      ["u1", "s1", 30, "search for destination", "Sydney"], // an earlier step again: nothing
      ["u1", "s1", 40, "clickout item", "11"], // "clicked-out"
    ]);
    const [s] = trivagoReference([file], NOW);
    expect(s).toMatchObject({ outcome: "completed", dropReason: null, events: 5, userId: "u1" });
    expect(s!.reachedAt).toEqual([0, 20, 40].map((dt) => (T0 + dt) * 1000));
    expect(s!.dimensions).toEqual({ destination: ["Sydney, Australia"], item: ["10", "11"], platform: ["AU"], device: ["mobile"] });
  });

  it("takes the outcome in precedence and the latest matching drop reason, else how the session ended", () => {
    const file = trivagoFile("outcomes.csv", [
      ["u2", "a", 0, "search for destination", "Sydney"],
      ["u2", "a", 5, "interaction item image", "7"],
      ["u2", "a", 9, "filter selection", "Hotel"],
      ["u2", "a", 12, "change of sort order", "price only"],
      ["u2", "b", 60, "search for poi", "Opera House"], // a new producer session within the timeout: a supersedes
      ["u2", "c", 60 + 3_600, "interaction item deals", "8"], // an hour later: b timed out
    ]);
    const sessions = trivagoReference([file], NOW);
    expect(sessions.map((s) => [s.outcome, s.reachedAt.length, s.dropReason])).toEqual([
      ["abandoned", 2, "sorting"],
      ["browsed", 1, "searching"],
      ["browsed", 1, "timed_out"],
    ]);
    const live = trivagoReference([file], (T0 + 3_600 + 60 + 60) * 1000);
    expect(live[2]).toMatchObject({ outcome: "live", dropReason: null });
  });

  it("splits OTTO shoppers into visits by 30 minutes of inactivity, ties in file order", () => {
    const file = join(dir, "otto.jsonl");
    const ts = Date.parse("2022-08-01T10:00:00Z");
    const events = [
      { aid: 1, ts, type: "clicks" },
      { aid: 1, ts: ts + 1_000, type: "carts" },
      { aid: 1, ts: ts + 1_000, type: "orders" },
      { aid: 2, ts: ts + 1_000 + 30 * 60_000, type: "clicks" }, // exactly the timeout: same visit
      { aid: 3, ts: ts + 1_000 + 60 * 60_000 + 1, type: "carts" }, // over it: a new visit
    ];
    writeFileSync(file, `${JSON.stringify({ session: 5, events })}\n`);
    const visits = ottoReference(file, NOW);
    expect(visits.map((v) => [v.userId, v.events, v.outcome, v.dropReason])).toEqual([
      ["otto-5", 4, "completed", null],
      ["otto-5", 1, "browsed", "timed_out"],
    ]);
    expect(visits[0]!.dimensions).toEqual({ article: ["1", "2"], "carted-article": ["1"] });
  });

  it("reads every event of the committed OTTO fixture into some visit", () => {
    const raw = readFileSync(OTTO_FIXTURE, "utf8").trim().split("\n");
    const total = raw.reduce((n, l) => n + (JSON.parse(l) as { events: unknown[] }).events.length, 0);
    const visits = ottoReference(OTTO_FIXTURE, NOW);
    expect(visits.reduce((n, v) => n + v.events, 0)).toBe(total);
    expect(new Set(visits.map((v) => v.userId)).size).toBe(raw.length);
  });
});

describe("the reference figures", () => {
  const file = trivagoFile("figures.csv", [
    ["u1", "s1", 0, "search for destination", "Sydney"],
    ["u1", "s1", 10, "interaction item image", "7"],
    ["u1", "s1", 25, "clickout item", "7"],
    ["u2", "s2", 86_400 * 2, "search for destination", "Perth", "Perth, Australia"],
    ["u2", "s2", 86_400 * 2 + 4, "interaction item image", "8", "Perth, Australia"],
    ["u3", "s3", 86_400 * 2, "filter selection", "Hotel", "Perth, Australia"],
  ]);
  const sessions = trivagoReference([file], NOW);
  const steps = [{ key: "searched" }, { key: "interacted" }, { key: "clicked-out" }];

  it("lists every day of the range, the empty ones with zeros", () => {
    const overview = referenceOverview(sessions, "trivago-recsys2019", "2018-11-01", "2018-11-03");
    expect(overview.totals).toEqual({ sessions: 3, users: 3, completed: 1, abandoned: 1, browsed: 1, live: 0 });
    expect(overview.days.map((d) => [d.day, d.sessions, d.completed, d.abandoned])).toEqual([
      ["2018-11-01", 1, 1, 0],
      ["2018-11-02", 0, 0, 0],
      ["2018-11-03", 2, 0, 1],
    ]);
    expect(referenceOverview(sessions, "trivago-recsys2019", "2018-11-02", "2018-11-02").totals.sessions).toBe(0);
  });

  it("counts the funnel's reached, stopped and drop reasons per step, and the median gap", () => {
    const funnel = referenceFunnel(sessions, "trivago-recsys2019", steps, "2018-11-01", "2018-11-03");
    expect(funnel.steps.map((s) => [s.key, s.sessions, s.droppedOff, s.medianSecondsFromPrevious, s.dropReasons])).toEqual([
      ["searched", 3, 1, null, [{ key: "filtering", sessions: 1 }]],
      ["interacted", 2, 1, 4, [{ key: "searching", sessions: 1 }]],
      ["clicked-out", 1, 0, 15, []],
    ]);
    expect(medianOf([3, 1, 2, 10])).toBe(2);
    expect(medianOf([3, 1, 2])).toBe(2);
  });

  it("ranks a dimension's values by sessions, then by value", () => {
    expect(referencePopularity(sessions, "trivago-recsys2019", "destination", "2018-11-01", "2018-11-03").rows).toEqual([
      { value: "Perth, Australia", sessions: 2, completed: 0 },
      { value: "Sydney, Australia", sessions: 1, completed: 1 },
    ]);
    expect(referencePopularity(sessions, "trivago-recsys2019", "item", "2018-11-01", "2018-11-03", 1).rows).toEqual([
      { value: "7", sessions: 1, completed: 1 },
    ]);
  });
});
