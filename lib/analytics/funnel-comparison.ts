import type { FunnelAnswer } from "./api-schemas";

/** One step of two funnels side by side; a step only one of them has counts 0 on the other side for the difference. */
export interface ComparedStep {
  key: string;
  label: string;
  current: number | null;
  draft: number | null;
  /** draft − current */
  difference: number;
  /** of the funnel's sessions, reaching this step (0–1; null for a side without the step or without sessions) */
  currentShare: number | null;
  draftShare: number | null;
  /** which funnel alone has this step (a step the draft adds or removes), else null */
  only: "current" | "draft" | null;
}

export interface FunnelComparison {
  sessions: { current: number; draft: number; difference: number };
  steps: ComparedStep[];
  /** the largest count on either side (for bars drawn to one scale) */
  largest: number;
}

const share = (n: number | null, of: number) => (n === null || of === 0 ? null : n / of);

/**
 * Two answers of the funnel (what GET /api/analytics/funnel answers) as one table: the draft's
 * steps in its order, matched by key with the current ones, then the current steps the draft has
 * no more. Pure: the what-if page draws it as it is.
 */
export function compareFunnels(current: FunnelAnswer, draft: FunnelAnswer): FunnelComparison {
  const currentByKey = new Map(current.steps.map((s) => [s.key, s]));
  const draftKeys = new Set(draft.steps.map((s) => s.key));
  const row = (key: string, label: string, c: number | null, d: number | null): ComparedStep => ({
    key,
    label,
    current: c,
    draft: d,
    difference: (d ?? 0) - (c ?? 0),
    currentShare: share(c, current.sessions),
    draftShare: share(d, draft.sessions),
    only: c === null ? "draft" : d === null ? "current" : null,
  });
  const steps = [
    ...draft.steps.map((s) => row(s.key, s.label, currentByKey.get(s.key)?.sessions ?? null, s.sessions)),
    ...current.steps.filter((s) => !draftKeys.has(s.key)).map((s) => row(s.key, s.label, s.sessions, null)),
  ];
  const largest = Math.max(current.sessions, draft.sessions, ...steps.map((s) => Math.max(s.current ?? 0, s.draft ?? 0)));
  return { sessions: { current: current.sessions, draft: draft.sessions, difference: draft.sessions - current.sessions }, steps, largest };
}

/** A difference as people read it: "+12", "−3", "0" (a real minus sign). */
export function signed(n: number): string {
  return n > 0 ? `+${n.toLocaleString("en-GB")}` : n < 0 ? `−${(-n).toLocaleString("en-GB")}` : "0";
}
