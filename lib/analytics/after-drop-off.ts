import { rate } from "./reports";

/**
 * What came after a drop-off (pure): of the customers behind a set of drop-off sessions, who came
 * back within 1, 7 and 30 days, who completed the journey later and after how long, and how their
 * next session went. It takes the drop-off sessions themselves, not a funnel step, so any set of
 * sessions (a funnel step's drop-offs today, a segment's sessions later) gives the same report.
 *
 * Counted by customer, exactly: a customer with several drop-offs counts once, and their first
 * drop-off (earliest start, then id) is the reference every "later" is measured from. Sessions
 * without a customer (anonymous) cannot be followed and are only counted.
 */
export interface CohortSession {
  id: string;
  userId: string | null;
  /** epoch ms */
  startedAt: number;
  lastEventAt: number;
  outcome: string;
  /** the funnel steps reached in order, then "end:<outcome>" (the session's analytics facts) */
  path: readonly string[];
}

export const RETURN_WINDOWS = [1, 7, 30] as const;
export type ReturnWindow = (typeof RETURN_WINDOWS)[number];
const DAY_MS = 86_400_000;

/** One customer's story after their reference drop-off. */
export interface FollowUp {
  customer: string;
  reference: CohortSession;
  /** their next session of the journey, and ms from the reference's last event to its start (0 when it began before that) */
  next: { session: CohortSession; gapMs: number } | null;
  /** their first later session that completed, and ms from the reference's last event to its start */
  completed: { session: CohortSession; afterMs: number } | null;
}

const before = (a: CohortSession, b: CohortSession) => a.startedAt < b.startedAt || (a.startedAt === b.startedAt && a.id < b.id);

/**
 * Each customer's follow-up: `dropOffs` are the drop-off sessions (any number per customer),
 * `sessions` every session of the journey of those customers that may come after (the reference
 * drop-offs among them or not: only sessions ordered after a customer's reference count).
 */
export function followUps(dropOffs: readonly CohortSession[], sessions: readonly CohortSession[]): FollowUp[] {
  const references = new Map<string, CohortSession>();
  for (const s of dropOffs) {
    if (s.userId === null) continue;
    const known = references.get(s.userId);
    if (!known || before(s, known)) references.set(s.userId, s);
  }
  const out = new Map<string, FollowUp>([...references].map(([customer, reference]) => [customer, { customer, reference, next: null, completed: null }]));
  for (const s of sessions) {
    const f = s.userId === null ? undefined : out.get(s.userId);
    if (!f || !before(f.reference, s)) continue;
    const gap = Math.max(0, s.startedAt - f.reference.lastEventAt);
    if (!f.next || before(s, f.next.session)) f.next = { session: s, gapMs: gap };
    if (s.outcome === "completed" && (!f.completed || before(s, f.completed.session))) f.completed = { session: s, afterMs: gap };
  }
  return [...out.values()].sort((a, b) => (before(a.reference, b.reference) ? -1 : 1));
}

/** A figure of the report, as a drill-down names it: its sessions are one per customer counted. */
export type Figure = "dropped" | "back-any" | `back-${ReturnWindow}` | "completed" | `path:${string}` | `through:${string}`;

const cameBackWithin = (f: FollowUp, days: number) => f.next !== null && f.next.gapMs <= days * DAY_MS;

/** The next session's path as the report groups it: its steps, then how it ended. */
export const nextPathKey = (s: CohortSession) => s.path.join(">");

/** The sessions behind a figure: the reference drop-offs, the next sessions, or the completing ones, newest first. */
export function figureSessions(all: readonly FollowUp[], figure: Figure, shownPaths: readonly string[] = []): CohortSession[] {
  let picked: CohortSession[];
  if (figure === "dropped") picked = all.map((f) => f.reference);
  else if (figure === "completed") picked = all.flatMap((f) => (f.completed ? [f.completed.session] : []));
  else if (figure === "back-any") picked = all.flatMap((f) => (f.next ? [f.next.session] : []));
  else if (figure.startsWith("back-")) picked = all.filter((f) => cameBackWithin(f, Number(figure.slice(5)))).map((f) => f.next!.session);
  else if (figure.startsWith("path:")) picked = all.flatMap((f) => (f.next && nextPathKey(f.next.session) === figure.slice(5) ? [f.next.session] : []));
  else {
    // A node or link of the graph: the next sessions of the paths drawn that go through it.
    const through = figure.slice(8);
    const keys = new Set(shownPaths.filter((p) => pathKeyGoesThrough(p, through)));
    picked = all.flatMap((f) => (f.next && keys.has(nextPathKey(f.next.session)) ? [f.next.session] : []));
  }
  // The sessions list's order: newest start first, then id.
  return picked.sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? -1 : 1));
}

/** Whether a path key ("search>view_offer>end:browsed") goes through a Sankey node ("1:view_offer") or link ("0:search~1:view_offer"). */
export function pathKeyGoesThrough(key: string, through: string): boolean {
  const parts = key.split(">");
  const nodes = ["start", ...parts.slice(0, -1).map((s, i) => `${i}:${s}`), parts.at(-1)!];
  const [a, b] = through.split("~");
  return b === undefined ? nodes.includes(through) : nodes.some((k, i) => k === a && nodes[i + 1] === b);
}

/** The lower median of whole seconds, as the funnel's times (null for none). */
export function lowerMedianSeconds(ms: readonly number[]): number | null {
  if (ms.length === 0) return null;
  const sorted = [...ms].sort((a, b) => a - b);
  return Math.floor(sorted[Math.floor((sorted.length - 1) / 2)]! / 1000);
}

export interface AfterDropOffSummary {
  /** the drop-off sessions given, those with a customer and without */
  dropOffSessions: number;
  anonymous: number;
  customers: number;
  cameBack: { withinDays: ReturnWindow; customers: number; rate: number }[];
  /** came back at all, however long after (within what the store holds) */
  cameBackEver: { customers: number; rate: number };
  completedLater: { customers: number; rate: number; medianSeconds: number | null };
  /** the next sessions' paths, most customers first (then key); `other` sums the rest */
  nextPaths: { key: string; steps: string[]; outcome: string; customers: number; share: number }[];
  otherPaths: { paths: number; customers: number };
}

/** The report's figures from the follow-ups; `dropOffSessions` counts the sessions given, anonymous ones too. */
export function summariseAfterDropOff(all: readonly FollowUp[], dropOffs: readonly CohortSession[], pathLimit = 8): AfterDropOffSummary {
  const customers = all.length;
  const completed = all.flatMap((f) => (f.completed ? [f.completed.afterMs] : []));
  const byPath = new Map<string, number>();
  for (const f of all) if (f.next) byPath.set(nextPathKey(f.next.session), (byPath.get(nextPathKey(f.next.session)) ?? 0) + 1);
  const returned = all.filter((f) => f.next).length;
  const paths = [...byPath].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = paths.slice(0, pathLimit);
  return {
    dropOffSessions: dropOffs.length,
    anonymous: dropOffs.filter((s) => s.userId === null).length,
    customers,
    cameBack: RETURN_WINDOWS.map((days) => {
      const n = all.filter((f) => cameBackWithin(f, days)).length;
      return { withinDays: days, customers: n, rate: rate(n, customers) };
    }),
    cameBackEver: { customers: returned, rate: rate(returned, customers) },
    completedLater: { customers: completed.length, rate: rate(completed.length, customers), medianSeconds: lowerMedianSeconds(completed) },
    nextPaths: shown.map(([key, n]) => {
      const parts = key.split(">");
      const end = parts.at(-1) ?? "";
      return { key, steps: parts.slice(0, -1), outcome: end.startsWith("end:") ? end.slice(4) : end, customers: n, share: rate(n, returned) };
    }),
    otherPaths: { paths: paths.length - shown.length, customers: paths.slice(pathLimit).reduce((s, p) => s + p[1], 0) },
  };
}
