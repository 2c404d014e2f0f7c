import type { JourneyDefinition, Labelled } from "../journeys/journey-definition";
import { dropReasonsOf } from "../journeys/drop-reasons";
import type { FunnelAnswer, OverviewAnswer, PopularityAnswer } from "./api-schemas";
import type { DayRange } from "./range";
import type { CounterSum } from "./read-analytics";
import { funnelRows, overviewSeries } from "./reports";

/**
 * The analytics API's answers, shaped from summed counters (pure). The same figures the pages
 * show, in the public contract's words (lib/analytics/api-schemas.ts).
 */
type Journey = Pick<JourneyDefinition<unknown>, "name" | "funnel" | "dropReasons">;

const sumOf = (counters: readonly CounterSum[], kind: string, k1?: string) =>
  counters.filter((c) => c.kind === kind && (k1 === undefined || c.k1 === k1)).reduce((s, c) => s + c.n, 0);

export function funnelAnswer(
  journey: Journey,
  range: DayRange,
  counters: readonly CounterSum[],
  gaps: ReadonlyMap<number, { value: number; n: number }[]>,
): FunnelAnswer {
  const rows = funnelRows(counters, journey.funnel, "", gaps, dropReasonsOf(journey));
  return {
    journey: journey.name,
    from: range.from,
    to: range.to,
    sessions: sumOf(counters, "sessions"),
    steps: rows.map((r) => ({
      key: r.key,
      label: r.label,
      sessions: r.count,
      droppedOff: r.dropOff,
      medianSecondsFromPrevious: r.medianSeconds,
      dropReasons: r.reasons.map((reason) => ({ key: reason.reason, label: reason.label, sessions: reason.count })),
    })),
  };
}

/** Plain code-unit order, so "ascending" means the same on every machine and in every test. */
const ascending = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A dimension's values, most sessions first, then by value. A value's label is the one most of its
 * sessions gave it (ties: the first in order), or the value itself when the journey names none.
 */
export function popularityAnswer(journey: string, dimension: string, counters: readonly CounterSum[], limit: number): PopularityAnswer {
  const rows = new Map<string, { value: string; label: string; sessions: number; completed: number; labelSessions: number }>();
  const row = (value: string) => {
    const r = rows.get(value) ?? { value, label: value, sessions: 0, completed: 0, labelSessions: 0 };
    rows.set(value, r);
    return r;
  };
  for (const c of counters) {
    if (c.k1 !== dimension) continue;
    if (c.kind === "dimension") row(c.k2).sessions += c.n;
    else if (c.kind === "dimension-completed") row(c.k2).completed += c.n;
  }
  const labels = counters
    .filter((c) => c.kind === "dimension-label" && c.k1 === dimension)
    .map((c) => {
      const [value, label] = JSON.parse(c.k2) as [string, string];
      return { value, label, n: c.n };
    })
    .sort((a, b) => ascending(a.label, b.label));
  for (const { value, label, n } of labels) {
    const r = rows.get(value);
    if (r && n > r.labelSessions) Object.assign(r, { label, labelSessions: n });
  }
  return {
    journey,
    dimension,
    rows: [...rows.values()]
      .sort((a, b) => b.sessions - a.sessions || ascending(a.value, b.value))
      .slice(0, limit)
      .map(({ value, label, sessions, completed }) => ({ value, label, sessions, completed })),
  };
}

export function overviewAnswer(
  journey: string,
  range: DayRange,
  counters: readonly CounterSum[],
  daily: readonly { day: string; kind: string; k1: string; n: number }[],
  users: number,
): OverviewAnswer {
  const outcome = (k1: string) => sumOf(counters, "outcome", k1);
  return {
    journey,
    from: range.from,
    to: range.to,
    totals: {
      sessions: sumOf(counters, "sessions"),
      users,
      completed: outcome("completed"),
      abandoned: outcome("abandoned"),
      browsed: outcome("browsed"),
      live: outcome("live"),
    },
    days: overviewSeries(daily, range.from, range.to).map((d) => ({
      day: d.day,
      sessions: d.sessions,
      users: d.users,
      completed: d.completed,
      abandoned: d.abandoned,
    })),
  };
}

/** A journey's dimension by key, or null (the API answers 404 naming it). */
export function dimensionOf(journey: Pick<JourneyDefinition<unknown>, "dimensions">, key: string): Labelled | null {
  return journey.dimensions.find((d) => d.key === key) ?? null;
}
