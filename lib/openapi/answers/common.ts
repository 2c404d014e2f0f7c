import { z } from "zod";
import { ERROR_STATUS } from "../../http/errors";

/** The API's one error shape (lib/http/errors.ts). */
export const errorAnswer = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
      message: z.string().meta({ description: "what is wrong, naming the parameter, event or attribute" }),
      details: z.record(z.string(), z.unknown()).meta({ description: "e.g. parameter, index, id, attribute, limit, retryAfterSeconds" }),
    }),
  })
  .meta({ id: "Error" });

const iso = z.string().meta({ format: "date-time" });

/** A stored event as CloudEvents JSON, plus where the store put it; personal data masked. */
export const cloudEventAnswer = z
  .looseObject({
    specversion: z.string(),
    id: z.string(),
    source: z.string(),
    type: z.string(),
    subject: z.string().optional(),
    time: iso.optional(),
    datacontenttype: z.string().optional(),
    data: z.unknown().optional(),
    data_base64: z.string().optional(),
    userid: z.string().optional(),
    anonymousid: z.string().optional(),
    sessionid: z.string().optional(),
    correlationid: z.string().optional(),
    causationid: z.string().optional(),
    position: z.number().int().meta({ description: "the event's place in the global order" }),
    streamversion: z.number().int().meta({ description: "the event's version in its stream (its subject)" }),
    recordedtime: iso.meta({ description: "when the store appended it" }),
  })
  .meta({ id: "CloudEvent", description: "Other extension attributes are kept as sent." });

/** A customer as every answer names them: the user id masked when it is personal, and the reference. */
export const customerFields = {
  userId: z.string().meta({ description: "the user id, masked by the personal-data policy when it is personal" }),
  reference: z.string().meta({ description: "the customer's reference, cus_ and 20 hex digits" }),
};

export const sessionAnswer = z
  .object({
    id: z.string(),
    userId: z.string().nullable(),
    userReference: z.string().nullable(),
    anonymousId: z.string().nullable(),
    journey: z.string().meta({ description: "the journey definition's name; generic when none claims the session" }),
    startedAt: iso,
    endedAt: iso.nullable(),
    lastEventAt: iso,
    endReason: z.string().meta({ description: "open, timed_out, signed_out, expired or superseded" }),
    outcome: z.string(),
    eventCount: z.number().int(),
    durationMs: z.number(),
    lastStep: z.string(),
    resumePoint: z.unknown().nullable(),
    personName: z.string().nullable(),
  })
  .meta({ id: "Session" });

export { iso };
