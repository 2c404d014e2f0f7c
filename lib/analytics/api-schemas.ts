import { z } from "zod";
import { MAX_RANGE_DAYS } from "./range";

/**
 * The analytics API's public contract at the edge: what a query may say (each refusal names its
 * parameter) and the shape of each answer. Exported so the OpenAPI document is generated from the
 * same schemas the routes parse with.
 */
const DAY = /^\d{4}-\d\d-\d\d$/;

const day = (name: "from" | "to") =>
  z
    .string({ error: `${name} is required: a UTC day, YYYY-MM-DD` })
    .regex(DAY, { error: `${name} must be a day, YYYY-MM-DD` })
    .refine((d) => !DAY.test(d) || new Date(Date.parse(`${d}T00:00:00Z`) || 0).toISOString().slice(0, 10) === d, { error: `${name} is not a calendar day` });

const journey = z
  .string({ error: "journey is required: the name of a journey (GET /api/journeys lists them)" })
  .min(1, { error: "journey is required: the name of a journey (GET /api/journeys lists them)" })
  .max(100, { error: "journey is at most 100 characters" });

/** A query of whole UTC days, `from` and `to` inclusive: forwards, and at most a year. */
const days = { journey, from: day("from"), to: day("to") };
type Days = { from: string; to: string };
const forwards = (q: Days) => q.from <= q.to;
const withinAYear = (q: Days) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1 <= MAX_RANGE_DAYS;
const backwards = { error: "from must not be after to", path: ["from"] };
const tooLong = { error: `the range may span at most ${MAX_RANGE_DAYS} days`, path: ["to"] };

export const funnelQuerySchema = z.object(days).refine(forwards, backwards).refine(withinAYear, tooLong);
export const overviewQuerySchema = funnelQuerySchema;

export const MAX_POPULARITY_ROWS = 1_000;

export const popularityQuerySchema = z
  .object({
    ...days,
    dimension: z
      .string({ error: "dimension is required: the key of one of the journey's dimensions" })
      .min(1, { error: "dimension is required: the key of one of the journey's dimensions" })
      .max(100, { error: "dimension is at most 100 characters" }),
    limit: z.coerce
      .number({ error: "limit must be an integer" })
      .int({ error: "limit must be an integer" })
      .min(1, { error: "limit must be at least 1" })
      .max(MAX_POPULARITY_ROWS, { error: `limit must be at most ${MAX_POPULARITY_ROWS}` })
      .default(50),
  })
  .refine(forwards, backwards)
  .refine(withinAYear, tooLong);

const count = z.number().int().min(0);
const labelled = { key: z.string(), label: z.string() };

export const funnelAnswerSchema = z.object({
  journey: z.string(),
  from: z.string(),
  to: z.string(),
  /** every session of the journey that started in the range, whether or not it reached a step */
  sessions: count,
  steps: z.array(
    z.object({
      ...labelled,
      /** sessions that reached this step and every step before it, in order */
      sessions: count,
      /** reached this step, not the next, and ended without completing (a live session is not counted): the sum of dropReasons */
      droppedOff: count,
      /** lower median of whole seconds from the step before; null for the first step or without data */
      medianSecondsFromPrevious: z.number().int().min(0).nullable(),
      /** why the sessions that stopped here stopped, most first (live sessions have no reason yet) */
      dropReasons: z.array(z.object({ ...labelled, sessions: count })),
    }),
  ),
});

export const popularityAnswerSchema = z.object({
  journey: z.string(),
  dimension: z.string(),
  rows: z.array(z.object({ value: z.string(), label: z.string(), sessions: count, completed: count })),
});

export const overviewAnswerSchema = z.object({
  journey: z.string(),
  from: z.string(),
  to: z.string(),
  totals: z.object({ sessions: count, users: count, completed: count, abandoned: count, browsed: count, live: count }),
  days: z.array(z.object({ day: z.string(), sessions: count, users: count, completed: count, abandoned: count })),
});

export type FunnelAnswer = z.infer<typeof funnelAnswerSchema>;
export type PopularityAnswer = z.infer<typeof popularityAnswerSchema>;
export type OverviewAnswer = z.infer<typeof overviewAnswerSchema>;

/** GET /api/analytics/after-drop-off: the funnel step whose drop-offs to follow, by key (its journey's funnel names them). */
export const afterDropOffQuerySchema = z
  .object({
    ...days,
    step: z
      .string({ error: "step is required: the key of one of the journey's funnel steps" })
      .min(1, { error: "step is required: the key of one of the journey's funnel steps" })
      .max(100, { error: "step is at most 100 characters" }),
  })
  .refine(forwards, backwards)
  .refine(withinAYear, tooLong);

const share = z.number().min(0).max(1);

export const afterDropOffAnswerSchema = z.object({
  journey: z.string(),
  from: z.string(),
  to: z.string(),
  step: z.object(labelled),
  /** which drop-off of a customer with several in the range every "later" is measured from */
  reference: z.literal("first"),
  dropOffs: z.object({
    /** the funnel's "dropped off here" at this step */
    sessions: count,
    /** distinct customers among them: what every figure below counts */
    customers: count,
    /** drop-off sessions without a customer: counted here, not followed */
    anonymous: count,
  }),
  /** customers whose next session of the journey started within 1, 7 and 30 days of their drop-off's last event */
  cameBack: z.array(z.object({ withinDays: z.number().int(), customers: count, rate: share })),
  cameBackEver: z.object({ customers: count, rate: share }),
  /** customers with a later session that completed; median: lower median of whole seconds from the drop-off's last event to that session's start */
  completedLater: z.object({ customers: count, rate: share, medianSeconds: z.number().int().min(0).nullable() }),
  /** how the next sessions went: the funnel steps reached in order and how they ended, most customers first (at most 8; the rest summed) */
  nextSession: z.object({
    paths: z.array(z.object({ steps: z.array(z.object(labelled)), outcome: z.string(), customers: count, share })),
    other: z.object({ paths: count, customers: count }),
  }),
});

export type AfterDropOffAnswer = z.infer<typeof afterDropOffAnswerSchema>;
