import { z } from "zod";
import { customerFields, iso } from "./common";

const noLongerHolds = z.looseObject({
  code: z.string().meta({ description: "e.g. hold_expired, price_changed, booking_confirmed" }),
  message: z.string(),
  blocking: z.boolean().meta({ description: "true: there is nothing left to continue" }),
});

/** GET /api/users/<id>/resume: the same shape for every journey; the booking journey adds `chosen`. */
export const resumeAnswer = z
  .object({
    ...customerFields,
    sessionId: z.string(),
    journey: z.string().meta({ description: "the journey definition's name" }),
    stoppedAt: iso.meta({ description: "the session's last event" }),
    resume: z.object({
      canContinue: z.boolean(),
      step: z.string().meta({ description: "the key of the last step reached" }),
      stepLabel: z.string(),
      facts: z
        .record(z.string(), z.string())
        .meta({ description: "the session's facts by key, as {facts.<key>} in a resume URL reads them; masked by the personal-data policy" }),
      remaining: z.array(z.string()).meta({ description: "the labels of the steps still to do" }),
      noLongerHolds: z.array(noLongerHolds),
      chosen: z.record(z.string(), z.unknown()).optional().meta({ description: "the booking journey only: what the customer had chosen" }),
    }),
  })
  .meta({ id: "ResumeAnswer" });
