import { dropReasonsOf } from "../journeys/drop-reasons";
import type { JourneyDefinition } from "../journeys/journey-definition";

/** What a rule asks of a session (pure: the evaluator's rows in, a yes or no out). */
export interface StallRule {
  journey: string;
  step: string;
  dropReason: string | null;
  afterMinutes: number;
}

/** The session as the read model keeps it, and when the store recorded its last event. */
export interface StallCandidate {
  journey: string;
  funnelDepth: number | null;
  outcome: string;
  endReason: string;
  dropReason: string | null;
  finalState: unknown;
  lastRecordedAt: number;
}

export interface Stall {
  step: string;
  stepLabel: string;
  dropReason: string | null;
  dropReasonLabel: string | null;
}

/**
 * Where a session stopped: the last funnel step it reached in order, and why it stopped. A session
 * still open has no drop reason yet; the one it would have if it timed out now is its reason (so a
 * rule fires while the session is open, as it is measured on recorded time, not on the session's end).
 */
export function stallOf(definition: JourneyDefinition<unknown>, s: Omit<StallCandidate, "lastRecordedAt">): Stall | null {
  if (s.outcome === "completed" || !s.funnelDepth) return null;
  const step = definition.funnel[s.funnelDepth - 1];
  if (!step) return null;
  const dropReason = s.endReason === "open" ? definition.dropReason(s.finalState, definition.outcome(s.finalState, false), "timed_out") : s.dropReason;
  const label = dropReason === null ? null : (dropReasonsOf(definition).find((r) => r.key === dropReason)?.label ?? dropReason.replaceAll("_", " "));
  return { step: step.key, stepLabel: step.label, dropReason, dropReasonLabel: label };
}

/**
 * Does the rule fire for this session at `now`: stopped at the rule's step (with its drop reason,
 * when it names one), and nothing of it recorded for the rule's minutes. Whether the customer went
 * on in a later session is the evaluator's to ask (it needs the store).
 */
export function ruleFires(rule: StallRule, definition: JourneyDefinition<unknown>, s: StallCandidate, now: number): Stall | null {
  if (s.journey !== rule.journey || now - s.lastRecordedAt < rule.afterMinutes * 60_000) return null;
  const stall = stallOf(definition, s);
  if (!stall || stall.step !== rule.step) return null;
  return rule.dropReason === null || stall.dropReason === rule.dropReason ? stall : null;
}
