import type { SessionFacts } from "./session-facts";

/**
 * One day's counters, summed from that day's sessions (pure). A counter is (kind, k1, k2) with a
 * count and a total; every page sums counters over a date range, so what a page reads grows with
 * the days and the catalogue, not with the number of users or events.
 *
 * kinds, for every journey (a day's counters are per journey):
 * - sessions · users (distinct that day) · outcome(k1 completed|abandoned|browsed|live)
 * - outcome-label(k1 outcome, k2 the journey's finer word): sessions whose ending the journey names
 *   more finely than the outcome ("cancelled a booking", a browsed booking session)
 * - funnel(k1 step index, k2 "" or "<dimension key>=<value>"): sessions that reached steps 0..k in
 *   order, in total and per value of each dimension (a session counts once per value it has;
 *   "<key>=unknown" for a session without a value of that dimension)
 * - drop(k1 depth, k2 drop-reason key): sessions neither completed nor live, by how far they got
 * - dimension(k1 dimension key, k2 value): sessions with that value · dimension-completed(k1, k2):
 *   the completed ones · dimension-label(k1 key, k2 JSON [value, label]): sessions whose value had
 *   that label (only values the journey labels)
 * - path(k1 steps joined by ">", then "end:<outcome>") · path-label(k1 the path, k2 the journey's finer
 *   word): the sessions of that path whose ending the journey names more finely (the paths' "Ended")
 * - event-path(k1 the session's collapsed event types joined by ">", then "end:<outcome>"): the
 *   paths page's event level (lib/analytics/session-facts.ts eventPathOf)
 * and the booking journey's own: offer(k1 offer key, k2 views|starts|bookings: sessions that
 * viewed, started a booking for or booked the offer; total = revenue) · destination and
 * package (k1 value, same k2).
 */
export interface Counter {
  kind: string;
  k1: string;
  k2: string;
  n: number;
  total: number;
}

export interface DaySession {
  userId: string | null;
  outcome: string;
  facts: SessionFacts;
}

/** The booking journey's dimensions, which today's analytics pages break its funnel down by. */
export const DIMENSIONS = ["platform", "device", "country", "destination"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** An offer's key in the roll-ups: what the popularity pages group and label by. */
export function offerKey(o: { destination: string; hotel: string; package: string; offerId: string }): string {
  return JSON.stringify([o.destination, o.hotel, o.package, o.offerId]);
}

/**
 * The day's times between funnel steps: per step, whole seconds since the step before → sessions.
 * One histogram per step (not a counter per second), so a range reads days × steps rows.
 */
export function gapHistograms(sessions: readonly DaySession[]): { step: number; histogram: Record<string, number> }[] {
  const byStep = new Map<number, Record<string, number>>();
  for (const { facts } of sessions) {
    for (let step = 1; step < facts.depth; step++) {
      const seconds = String(Math.floor((facts.reachedAt[step]! - facts.reachedAt[step - 1]!) / 1000));
      const h = byStep.get(step) ?? {};
      h[seconds] = (h[seconds] ?? 0) + 1;
      byStep.set(step, h);
    }
  }
  return [...byStep].map(([step, histogram]) => ({ step, histogram }));
}

export function rollUpDay(sessions: readonly DaySession[]): Counter[] {
  const counters = new Map<string, Counter>();
  const add = (kind: string, k1: string, k2: string, n = 1, total = 0) => {
    const key = `${kind}\u0000${k1}\u0000${k2}`;
    const c = counters.get(key);
    if (c) {
      c.n += n;
      c.total += total;
    } else counters.set(key, { kind, k1, k2, n, total });
  };
  const users = new Set<string>();
  for (const { userId, outcome, facts } of sessions) {
    add("sessions", "", "");
    add("outcome", outcome, "");
    if (facts.finerOutcome !== undefined) add("outcome-label", outcome, facts.finerOutcome);
    if (userId) users.add(userId);
    for (let step = 0; step < facts.depth; step++) {
      add("funnel", String(step), "");
      for (const key of facts.dimensionIndex) add("funnel", String(step), key);
    }
    for (const [key, values] of Object.entries(facts.dimensions)) {
      for (const { value, label } of values) {
        add("dimension", key, value);
        if (outcome === "completed") add("dimension-completed", key, value);
        if (label !== null) add("dimension-label", key, JSON.stringify([value, label]));
      }
    }
    if (facts.dropReason !== null) add("drop", String(facts.depth), facts.dropReason);
    for (const o of facts.offers) {
      const key = offerKey(o);
      if (o.views > 0) add("offer", key, "views");
      if (o.started) add("offer", key, "starts");
      if (o.booked) add("offer", key, "bookings", 1, o.revenue);
    }
    // Destinations and packages count sessions too (a session that looked at two offers of one
    // destination is one session for it), so each number lists exactly its sessions.
    for (const kind of ["destination", "package"] as const) {
      for (const metric of ["views", "starts", "bookings"] as const) {
        const hits = facts.offers.filter((o) => (metric === "views" ? o.views > 0 : metric === "starts" ? o.started : o.booked));
        for (const value of new Set(hits.map((o) => o[kind]))) {
          add(kind, value, metric, 1, metric === "bookings" ? hits.filter((o) => o[kind] === value).reduce((s, o) => s + o.revenue, 0) : 0);
        }
      }
    }
    add("path", facts.path.join(">"), "");
    if (facts.finerOutcome !== undefined) add("path-label", facts.path.join(">"), facts.finerOutcome);
    if (facts.eventPath) add("event-path", facts.eventPath.join(">"), "");
  }
  if (users.size > 0) add("users", "", "", users.size);
  return [...counters.values()];
}
