import { z } from "zod";
import { funnelAnswerSchema } from "../analytics/api-schemas";
import { MAX_RANGE_DAYS } from "../analytics/range";

/**
 * The what-if job's public contract at the edge (POST /api/journeys/what-if, GET and DELETE
 * /api/journeys/what-if/<id>): what a request may say, each refusal naming its attribute, and the
 * shape of each answer. The OpenAPI document is generated from these.
 */
const DAY = /^\d{4}-\d\d-\d\d$/;

const day = (name: "from" | "to") =>
  z
    .string({ error: `${name} must be a UTC day, YYYY-MM-DD` })
    .regex(DAY, { error: `${name} must be a day, YYYY-MM-DD` })
    .refine((d) => !DAY.test(d) || new Date(Date.parse(`${d}T00:00:00Z`) || 0).toISOString().slice(0, 10) === d, { error: `${name} is not a calendar day` });

export const whatIfBodySchema = z
  .object({
    definition: z
      .unknown()
      .refine((d) => d !== undefined, { error: "definition is required: the draft's JSON document (docs/journeys.md)" })
      .meta({ description: "the draft journey definition, as a JSON document (the format GET /api/journeys/<name> answers)" }),
    from: day("from").optional().meta({ description: "first UTC day of the range (inclusive); by default 29 days before to" }),
    to: day("to").optional().meta({ description: "last UTC day of the range (inclusive); by default today" }),
  })
  .refine((b) => !b.from || !b.to || b.from <= b.to, { error: "from must not be after to", path: ["from"] })
  .refine((b) => !b.from || !b.to || (Date.parse(b.to) - Date.parse(b.from)) / 86_400_000 + 1 <= MAX_RANGE_DAYS, {
    error: `the range may span at most ${MAX_RANGE_DAYS} days`,
    path: ["to"],
  });

export type WhatIfBody = z.output<typeof whatIfBodySchema>;

const count = z.number().int().min(0);
const side = z.object({ outcome: z.string(), outcomeLabel: z.string(), lastStep: z.string(), stepsReached: count }).nullable();

export const whatIfResultSchema = z.object({
  current: funnelAnswerSchema.describe("the journey's funnel as the live read models answer it (GET /api/analytics/funnel)"),
  draft: funnelAnswerSchema.describe("the same funnel had the draft been applied"),
  outcomeChanges: z
    .array(z.object({ from: z.string(), to: z.string(), sessions: count }))
    .describe("sessions matched by their first event whose outcome changes"),
  sample: z.array(z.string()).describe("current ids of up to 50 changed sessions"),
  changes: z
    .array(
      z.object({
        sessionId: z.string().nullable().describe("the current session's id; null for a session only the draft has"),
        firstPosition: count,
        current: side,
        draft: side,
        kind: z.enum(["changed", "split", "merged", "new", "gone"]),
      }),
    )
    .describe("up to 200 changed sessions, by first event"),
});

export const whatIfJobAnswerSchema = z.object({
  id: z.string(),
  name: z.string().describe("the draft's journey name"),
  from: z.string(),
  to: z.string(),
  createdAt: z.string(),
  state: z.enum(["running", "done", "failed", "cancelled"]),
  progress: z.object({ done: count.describe("events folded"), total: count.describe("events to fold") }),
  result: whatIfResultSchema.optional().describe("once done"),
  error: z.string().optional().describe("once failed: what went wrong"),
});

export const whatIfStartedSchema = z.object({ id: z.string() });
export const whatIfCancelledSchema = z.object({ state: z.enum(["running", "done", "failed", "cancelled"]) });
