import {
  afterDropOffAnswerSchema,
  afterDropOffQuerySchema,
  funnelAnswerSchema,
  funnelQuerySchema,
  overviewAnswerSchema,
  overviewQuerySchema,
  popularityAnswerSchema,
  popularityQuerySchema,
} from "../../analytics/api-schemas";
import type { ApiOperation } from "../api-operation";

/** Journey analytics as JSON, for any journey (lib/analytics/api-schemas.ts holds the contract). */
export const ANALYTICS_OPERATIONS: ApiOperation[] = [
  {
    route: "/api/analytics/overview",
    method: "GET",
    summary: "Sessions, distinct customers and outcomes of a journey, over the range and day by day",
    description: "Every day of the range is listed, with zeros for a day with nothing.",
    query: overviewQuerySchema,
    answer: { description: "the totals and the days", schema: overviewAnswerSchema },
    errors: ["not_found"],
  },
  {
    route: "/api/analytics/funnel",
    method: "GET",
    summary: "A journey's funnel: sessions per step reached in order, drop-offs and their reasons",
    query: funnelQuerySchema,
    answer: { description: "the steps", schema: funnelAnswerSchema },
    errors: ["not_found"],
  },
  {
    route: "/api/analytics/popularity",
    method: "GET",
    summary: "A dimension's values by sessions (most first, then value), with how many completed",
    query: popularityQuerySchema,
    answer: { description: "the rows", schema: popularityAnswerSchema },
    errors: ["not_found"],
  },
  {
    route: "/api/analytics/after-drop-off",
    method: "GET",
    summary: "What came after a funnel step's drop-offs: returns within 1, 7 and 30 days, later completions, the next session's paths",
    description:
      "Counted by customer: a customer who dropped off after the step more than once in the range counts once, from their first drop-off there. " +
      "Drop-offs without a customer are counted, not followed. Later sessions are the customer's sessions of the same journey, however long after.",
    query: afterDropOffQuerySchema,
    answer: { description: "the figures", schema: afterDropOffAnswerSchema },
    errors: ["not_found"],
  },
];
