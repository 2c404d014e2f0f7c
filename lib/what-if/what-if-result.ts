import { funnelAnswer } from "../analytics/answers";
import type { FunnelAnswer } from "../analytics/api-schemas";
import type { DayRange } from "../analytics/range";
import { type DaySession, gapHistograms, rollUpDay } from "../analytics/rollup";
import type { JourneyDefinition } from "../journeys/journey-definition";
import type { ChangeKind, SessionComparison } from "./compare-sessions";
import type { FoldedSession } from "./fold-person";

/** Changed sessions listed in a result, and ids in its sample (the contract's bounds). */
export const MAX_CHANGES = 200;
export const MAX_SAMPLE = 50;

export interface SessionSide {
  outcome: string;
  outcomeLabel: string;
  lastStep: string;
  stepsReached: number;
}

export interface ChangedSession {
  /** the current session's id, or null when the draft's session has no current counterpart */
  sessionId: string | null;
  firstPosition: number;
  current: SessionSide | null;
  draft: SessionSide | null;
  kind: ChangeKind;
}

export interface WhatIfResult {
  current: FunnelAnswer;
  draft: FunnelAnswer;
  outcomeChanges: { from: string; to: string; sessions: number }[];
  sample: string[];
  changes: ChangedSession[];
}

const inRange = (s: FoldedSession | null, range: DayRange) => s !== null && s.day >= range.from && s.day <= range.to;

/**
 * Sums the two folds person by person (pure): the draft's sessions of its journey that started in
 * the range (its funnel, by the roll-up code the read models use) and the sessions that changed.
 */
export class WhatIfTally {
  private readonly daySessions: DaySession[] = [];
  private readonly changed: SessionComparison[] = [];
  private readonly outcomes = new Map<string, { from: string; to: string; sessions: number }>();

  constructor(
    private readonly draftName: string,
    private readonly range: DayRange,
  ) {}

  add(draftSessions: readonly FoldedSession[], comparisons: readonly SessionComparison[]): void {
    for (const d of draftSessions) {
      if (d.journey === this.draftName && d.view && d.facts && inRange(d, this.range))
        this.daySessions.push({ userId: d.userId, outcome: d.view.outcome, facts: d.facts });
    }
    for (const c of comparisons) {
      if (c.kind === "same" || !(inRange(c.current, this.range) || inRange(c.draft, this.range))) continue;
      this.changed.push(c);
      // Outcomes compare sessions matched by their first event only: a split's other parts are new.
      const from = c.current?.view;
      const to = c.draft?.view;
      if (from && to && c.current!.firstPosition === c.draft!.firstPosition && from.outcome !== to.outcome) {
        const key = `${from.outcome}\u0000${to.outcome}`;
        const row = this.outcomes.get(key) ?? { from: from.outcome, to: to.outcome, sessions: 0 };
        row.sessions += 1;
        this.outcomes.set(key, row);
      }
    }
  }

  /** The first changed sessions (by first position), whose current ids the caller looks up. */
  listedChanges(): SessionComparison[] {
    return [...this.changed].sort((a, b) => a.firstPosition - b.firstPosition).slice(0, MAX_CHANGES);
  }

  /** The draft's funnel over the range: the same counters and answer code as GET /api/analytics/funnel. */
  draftFunnel(journey: Pick<JourneyDefinition<unknown>, "name" | "funnel" | "dropReasons">): FunnelAnswer {
    const counters = rollUpDay(this.daySessions);
    const gaps = new Map(gapHistograms(this.daySessions).map((g) => [g.step, Object.entries(g.histogram).map(([value, n]) => ({ value: Number(value), n }))]));
    return funnelAnswer(journey, this.range, counters, gaps);
  }

  result(
    current: FunnelAnswer,
    draftJourney: Pick<JourneyDefinition<unknown>, "name" | "funnel" | "dropReasons">,
    idAt: ReadonlyMap<number, string>,
  ): WhatIfResult {
    const side = (s: FoldedSession | null): SessionSide | null =>
      s?.view ? { outcome: s.view.outcome, outcomeLabel: s.view.outcomeLabel, lastStep: s.view.lastStep, stepsReached: s.view.stepsReached } : null;
    const changes = this.listedChanges().map((c) => ({
      sessionId: c.current ? (idAt.get(c.current.firstPosition) ?? null) : null,
      firstPosition: c.firstPosition,
      current: side(c.current),
      draft: side(c.draft),
      kind: c.kind as ChangeKind,
    }));
    const sample = [...new Set(changes.map((c) => c.sessionId).filter((id): id is string => id !== null))].slice(0, MAX_SAMPLE);
    const outcomeChanges = [...this.outcomes.values()].sort((a, b) => b.sessions - a.sessions || (a.from + a.to < b.from + b.to ? -1 : 1));
    return { current, draft: this.draftFunnel(draftJourney), outcomeChanges, sample, changes };
  }
}
