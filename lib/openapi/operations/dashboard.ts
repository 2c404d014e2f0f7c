import { z } from "zod";
import {
  customerExportQuerySchema,
  newerEventsQuerySchema,
  olderEventsQuerySchema,
  replayBlockQuerySchema,
  replayFromQuerySchema,
} from "../../api/query-schemas";
import { accessLogQuerySchema } from "../../audit/access-log-query";
import { explorerFilterSchema } from "../../explorer/explorer-filter";
import type { ApiOperation } from "../api-operation";
import { cloudEventAnswer } from "../answers/common";

const sessionParams = z.object({ sessionId: z.string().meta({ description: "the session's id, URL-encoded" }) });

const replayAnswer = z.looseObject({}).meta({ description: "the player's own shape; it follows the dashboard, not a contract" });

/** The reads the dashboard's pages make in the background, and its sign-in. */
export const DASHBOARD_OPERATIONS: ApiOperation[] = [
  {
    route: "/api/replay/[sessionId]/block",
    method: "GET",
    summary: "The player's block of events in full, with the journey state before it",
    params: sessionParams,
    query: replayBlockQuerySchema,
    answer: { description: "the block", schema: replayAnswer },
    errors: ["not_found"],
  },
  {
    route: "/api/replay/[sessionId]/tail",
    method: "GET",
    summary: "A live replay's compact rows from `from` on, with the session as it is now",
    params: sessionParams,
    query: replayFromQuerySchema,
    answer: { description: "the rows", schema: replayAnswer },
    errors: ["not_found"],
  },
  {
    route: "/api/replay/[sessionId]/events",
    method: "GET",
    summary: "A page of the session's events as the journey fold reads them",
    params: sessionParams,
    query: replayFromQuerySchema,
    answer: { description: "the page", schema: replayAnswer },
    errors: ["not_found"],
  },
  {
    route: "/api/explorer/newer",
    method: "GET",
    summary: "The explorer's live tail: matching events appended after `after`, newest first",
    query: newerEventsQuerySchema.extend(explorerFilterSchema.shape),
    answer: {
      description: "the events and where the next poll continues",
      schema: z.object({ events: z.array(cloudEventAnswer), head: z.number().int(), streamNames: z.record(z.string(), z.string()) }),
    },
  },
  {
    route: "/api/explorer/older",
    method: "GET",
    summary: "The explorer's next page of matching events older than `before`, newest first",
    query: olderEventsQuerySchema.extend(explorerFilterSchema.shape),
    answer: {
      description: "the page",
      schema: z.object({
        events: z.array(cloudEventAnswer),
        head: z.number().int(),
        hasOlder: z.boolean(),
        streamNames: z.record(z.string(), z.string()).meta({ description: "who each audit stream on the page is" }),
      }),
    },
  },
  {
    route: "/api/auth/[...all]",
    path: "/api/auth/sign-in/email",
    method: "POST",
    summary: "Sign in to the dashboard (sets its session cookie)",
    description: "Same-origin only; rate limited per client address and per account.",
    body: { schema: z.object({ email: z.string(), password: z.string() }) },
    answer: { description: "signed in; the cookie is set", schema: z.looseObject({}) },
    errors: ["rate_limited"],
  },
  {
    route: "/api/auth/[...all]",
    path: "/api/auth/sign-out",
    method: "POST",
    summary: "Sign out of the dashboard",
    answer: { description: "signed out", schema: z.looseObject({}) },
  },
  {
    route: "/api/auth/[...all]",
    path: "/api/auth/get-session",
    method: "GET",
    summary: "The current dashboard sign-in, or null",
    answer: { description: "the session and its user, or null", schema: z.looseObject({}).nullable() },
  },
];

// As tolerant as the analytics pages: a day that is not one falls back to the default range.
const day = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/)
  .meta({ format: "date" });

export const EXPORT_OPERATIONS: ApiOperation[] = [
  {
    route: "/analytics/export/[report]",
    method: "GET",
    summary: "An analytics report's table as CSV",
    params: z.object({
      report: z
        .enum(["overview", "funnel", "funnel-breakdown", "popularity", "paths", "destinations", "offers"])
        .meta({ description: "destinations and offers: the booking journey only" }),
    }),
    query: z.object({
      journey: z.string().optional().meta({ description: "the journey's name; default the analytics pages' default journey" }),
      dimension: z.string().optional().meta({ description: "popularity only: one dimension (default every one)" }),
      from: day.optional().meta({ description: "first UTC day; default 29 days before `to`" }),
      to: day.optional().meta({ description: "last UTC day; default today" }),
      by: z.string().optional().meta({ description: "funnel-breakdown only: the dimension" }),
      level: z.enum(["steps", "events"]).optional().meta({ description: "paths only: the funnel's steps (default) or the event-level paths" }),
    }),
    answer: {
      description:
        'the table (funnel-breakdown and popularity end with "(other)" and "(none)" rows, so they add up to the total); ' +
        'its last column, journey_version, names the journey version that folded it ("shop v3")',
      contentType: "text/csv",
      schema: z.string(),
    },
    errors: ["not_found"],
  },
  {
    route: "/access-log/export",
    method: "GET",
    summary: "The access log as filtered on its page, as CSV (newest first, masked as the page shows it, at most 10,000 rows)",
    query: accessLogQuerySchema.omit({ before: true }),
    answer: {
      description: "the rows; a text cell a spreadsheet would run as a formula starts with an apostrophe",
      contentType: "text/csv",
      schema: z.string(),
    },
  },
  {
    route: "/admin/erasure/export",
    method: "GET",
    summary: "Everything Rewind holds about one customer, one JSON file, unmasked, for a subject-access request (on record; docs/subject-access.md)",
    query: customerExportQuerySchema,
    answer: {
      description: "`{exportedAt, customer, events, sessions, notes, resumeLinks, views}`, as an attachment named by the customer's reference",
      schema: z.looseObject({}),
    },
    errors: ["not_found"],
  },
];
