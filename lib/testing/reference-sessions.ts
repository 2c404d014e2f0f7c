import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

/**
 * The real-data tests' second way of computing every figure: the raw trivago CSV and OTTO JSONL read
 * with plain loops, split into sessions and folded by hand with what the example definitions in
 * journeys/examples/ mean (steps in order, outcome precedence, drop reasons, dimensions), written
 * against the raw columns, never through the importer, the projector or the definition interpreter.
 */
export type Outcome = "completed" | "abandoned" | "browsed" | "live";

export interface ReferenceSession {
  journey: string;
  userId: string;
  /** the session's first and last event times, epoch ms */
  start: number;
  end: number;
  events: number;
  outcome: Outcome;
  /** when each step was reached, in order (length = steps reached) */
  reachedAt: number[];
  /** a key of the definition's dropReasons, or the end reason; null when completed or live */
  dropReason: string | null;
  dimensions: Record<string, string[]>;
}

const TIMEOUT_MS = 30 * 60 * 1000;

interface RawEvent {
  time: number;
  /** the order it is imported in (files in the order given, then lines) */
  order: number;
  person: string;
  producerSession: string | null;
  row: Record<string, string>;
}

/** One person's events split into sessions: a different producer session id starts one, else a gap over the timeout. */
function splitSessions(events: RawEvent[]): { events: RawEvent[]; endReason: string }[] {
  const sorted = [...events].sort((a, b) => a.time - b.time || a.order - b.order);
  const sessions: { events: RawEvent[]; endReason: string }[] = [];
  for (const e of sorted) {
    const current = sessions[sessions.length - 1];
    const last = current?.events[current.events.length - 1];
    const same = last && (e.producerSession !== null ? e.producerSession === last.producerSession : e.time - last.time <= TIMEOUT_MS);
    if (current && last && same) {
      current.events.push(e);
      continue;
    }
    // The session before ends because this one began: superseded within the timeout, else timed out.
    if (current && last) current.endReason = e.time - last.time > TIMEOUT_MS ? "timed_out" : "superseded";
    sessions.push({ events: [e], endReason: "timed_out" });
  }
  return sessions;
}

/** Steps in order: step k at the first event after the one that reached step k-1 that matches it. */
function reach(events: RawEvent[], steps: ((row: Record<string, string>) => boolean)[]): number[] {
  const reachedAt: number[] = [];
  let from = 0;
  for (const matches of steps) {
    const at = events.findIndex((e, i) => i >= from && matches(e.row));
    if (at < 0) break;
    reachedAt.push(events[at]!.time);
    from = at + 1;
  }
  return reachedAt;
}

function fold(journey: string, s: { events: RawEvent[]; endReason: string }, spec: FoldSpec, now: number): ReferenceSession {
  const reachedAt = reach(s.events, spec.steps);
  const open = now - s.events[s.events.length - 1]!.time <= TIMEOUT_MS;
  const outcome: Outcome =
    reachedAt.length === spec.steps.length ? "completed" : open ? "live" : reachedAt.length >= spec.abandonedAfter ? "abandoned" : "browsed";
  let dropReason: string | null = null;
  if (outcome !== "completed" && outcome !== "live") {
    for (const e of s.events) for (const [key, matches] of spec.dropReasons) if (matches(e.row)) dropReason = key;
    dropReason ??= s.endReason;
  }
  const dimensions: Record<string, string[]> = {};
  for (const [key, valuesOf] of Object.entries(spec.dimensions)) dimensions[key] = [...new Set(s.events.flatMap((e) => valuesOf(e.row)))];
  const first = s.events[0]!;
  return {
    journey,
    userId: first.person,
    start: first.time,
    end: s.events[s.events.length - 1]!.time,
    events: s.events.length,
    outcome,
    reachedAt,
    dropReason,
    dimensions,
  };
}

interface FoldSpec {
  steps: ((row: Record<string, string>) => boolean)[];
  /** the number of steps reached from which a closed session counts as abandoned */
  abandonedAfter: number;
  /** in the definition's order: a later entry wins a tie */
  dropReasons: [string, (row: Record<string, string>) => boolean][];
  dimensions: Record<string, (row: Record<string, string>) => string[]>;
}

function sessionsOf(journey: string, events: RawEvent[], spec: FoldSpec, now: number): ReferenceSession[] {
  const byPerson = new Map<string, RawEvent[]>();
  for (const e of events) byPerson.set(e.person, [...(byPerson.get(e.person) ?? []), e]);
  return [...byPerson.values()].flatMap((list) => splitSessions(list).map((s) => fold(journey, s, spec, now)));
}

const present = (v: string | undefined) => (v ? [v] : []);
const action = (row: Record<string, string>) => row.action_type ?? "";

/** journeys/examples/trivago-recsys2019.json, by hand over the challenge's columns. */
const TRIVAGO: FoldSpec = {
  steps: [(r) => (r.city ?? "") !== "", (r) => action(r).startsWith("interaction item "), (r) => action(r) === "clickout item"],
  abandonedAfter: 2,
  dropReasons: [
    ["searching", (r) => action(r).startsWith("search for ")],
    ["filtering", (r) => action(r) === "filter selection"],
    ["sorting", (r) => action(r) === "change of sort order"],
  ],
  dimensions: {
    destination: (r) => present(r.city),
    item: (r) => (/^(search for item|interaction item |clickout item)/.test(action(r)) ? present(r.reference) : []),
    platform: (r) => present(r.platform),
    device: (r) => present(r.device),
  },
};

/** The trivago CSV files (imported in this order) as sessions of the trivago example. */
export function trivagoReference(paths: string[], now: number): ReferenceSession[] {
  let order = 0;
  const events = paths.flatMap((path) =>
    (parse(readFileSync(path, "utf8").replace(/\r+\n/g, "\n"), { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map(
      (row): RawEvent => ({ time: Number(row.timestamp) * 1000, order: order++, person: row.user_id!, producerSession: row.session_id!, row }),
    ),
  );
  return sessionsOf("trivago-recsys2019", events, TRIVAGO, now);
}

/** journeys/examples/otto.json, by hand over OTTO's fields. */
const OTTO: FoldSpec = {
  steps: [(r) => r.type === "clicks", (r) => r.type === "carts", (r) => r.type === "orders"],
  abandonedAfter: 2,
  dropReasons: [],
  dimensions: { article: (r) => [r.aid!], "carted-article": (r) => (r.type === "carts" ? [r.aid!] : []) },
};

/** The OTTO JSONL file as visits of the OTTO example: each shopper's events split by inactivity. */
export function ottoReference(path: string, now: number): ReferenceSession[] {
  let order = 0;
  const events: RawEvent[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const session = JSON.parse(line) as { session: number; events: { aid: number; ts: number; type: string }[] };
    for (const e of session.events) {
      events.push({ time: e.ts, order: order++, person: `otto-${session.session}`, producerSession: null, row: { aid: String(e.aid), type: e.type } });
    }
  }
  return sessionsOf("otto", events, OTTO, now);
}
