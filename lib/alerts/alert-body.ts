import type { Stall } from "./stall";

/** The webhook's body, as issue 16 names it: the same bytes on every attempt. */
export interface StalledAlertBody {
  id: string;
  type: "journey.stalled";
  rule: { id: string; name: string };
  session: {
    id: string;
    journey: string;
    step: string | null;
    stepLabel: string;
    dropReason: string | null;
    dropReasonLabel: string | null;
    stoppedAt: string;
    /** the customer's reference (cus_…), never their user id */
    customer: string;
  };
  resume: { canContinue: boolean; step: string | null };
  occurredAt: string;
}

/**
 * The body of a fired alert (pure). Every string that could carry what a producer set (the session
 * id can be the producer's own) passes `mask`, the personal-data policy, before it is stored and sent.
 */
export function stalledAlertBody(
  input: {
    id: string;
    rule: { id: string; name: string };
    session: { id: string; journey: string; lastEventAt: Date };
    stall: Stall;
    customer: string;
    resume: { canContinue: boolean; step: string | null };
    occurredAt: number;
  },
  mask: (text: string) => string,
): StalledAlertBody {
  const { stall } = input;
  return {
    id: input.id,
    type: "journey.stalled",
    rule: { id: input.rule.id, name: mask(input.rule.name) },
    session: {
      id: mask(input.session.id),
      journey: input.session.journey,
      step: stall.step,
      stepLabel: stall.stepLabel,
      dropReason: stall.dropReason,
      dropReasonLabel: stall.dropReasonLabel,
      stoppedAt: input.session.lastEventAt.toISOString(),
      customer: input.customer,
    },
    resume: input.resume,
    occurredAt: new Date(input.occurredAt).toISOString(),
  };
}
