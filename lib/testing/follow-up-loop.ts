import { decodeJson } from "../db/sql";
import type { TestStore } from "./test-stores";

/**
 * "What came after", by hand, for the integration tests: the sessions rows read by plain SQL (not
 * through the code under test), and each customer's follow-up by a plain loop over them.
 */
export type RawSession = {
  id: string;
  user: string | null;
  journey: string;
  start: number;
  last: number;
  outcome: string;
  depth: number | null;
  drop: string | null;
  day: string | null;
  path: string;
};

const DAY = 86_400_000;

export async function readRawSessions(t: TestStore): Promise<RawSession[]> {
  const rows = await t.store.db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT "id", "user_id", "journey", "started_at", "last_event_at", "outcome", "funnel_depth", "drop_reason", "analytics_day", "analytics"
     FROM "sessions"`,
  );
  return rows.map((r) => {
    const facts = r.analytics === null ? null : decodeJson<{ path?: string[] }>(r.analytics);
    return {
      id: r.id as string,
      user: r.user_id as string | null,
      journey: r.journey as string,
      start: new Date(r.started_at as string).getTime(),
      last: new Date(r.last_event_at as string).getTime(),
      outcome: r.outcome as string,
      depth: r.funnel_depth === null ? null : Number(r.funnel_depth),
      drop: r.drop_reason as string | null,
      day: r.analytics_day as string | null,
      path: facts?.path?.length ? facts.path.join(">") : `end:${r.outcome}`,
    };
  });
}

/** The rules, by hand: each customer's first session of the cohort, then what their later sessions of the journey did. */
export function followUpLoop(raw: readonly RawSession[], cohort: readonly RawSession[], journey: string) {
  const later = (a: RawSession, b: RawSession) => b.start > a.start || (b.start === a.start && b.id > a.id);
  const first = new Map<string, RawSession>();
  for (const s of cohort) if (s.user !== null && (!first.has(s.user) || later(s, first.get(s.user)!))) first.set(s.user, s);
  const figures: Record<string, string[]> = { dropped: [], "back-any": [], "back-1": [], "back-7": [], "back-30": [], completed: [] };
  const paths = new Map<string, string[]>();
  const waits: number[] = [];
  for (const ref of first.values()) {
    figures.dropped!.push(ref.id);
    const after = raw.filter((s) => s.journey === journey && s.user === ref.user && later(ref, s)).sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
    const next = after[0];
    if (next) {
      const gap = Math.max(0, next.start - ref.last);
      figures["back-any"]!.push(next.id);
      for (const days of [1, 7, 30]) if (gap <= days * DAY) figures[`back-${days}`]!.push(next.id);
      paths.set(next.path, [...(paths.get(next.path) ?? []), next.id]);
    }
    const done = after.find((s) => s.outcome === "completed");
    if (done) {
      figures.completed!.push(done.id);
      waits.push(Math.max(0, done.start - ref.last));
    }
  }
  waits.sort((a, b) => a - b);
  const median = waits.length === 0 ? null : Math.floor(waits[Math.floor((waits.length - 1) / 2)]! / 1000);
  return { customers: first.size, figures, paths, median };
}
