import { z } from "zod";
import { resumeLinkBodySchema } from "../../api/body-schemas";
import { timelineQuerySchema, userSearchSchema } from "../../api/query-schemas";
import type { ApiOperation } from "../api-operation";
import { cloudEventAnswer, customerFields, iso, sessionAnswer } from "../answers/common";
import { resumeAnswer } from "../answers/resume";

const userParams = z.object({ userId: z.string().meta({ description: "a user id or a customer reference (cus_…)" }) });

const userSummary = z.looseObject({
  ...customerFields,
  displayName: z.string().nullable(),
  sessionCount: z.number().int(),
  firstSeen: iso,
  lastSeen: iso,
  lastOutcome: z.string().nullable(),
});

const timelineAnswer = z.object({
  session: sessionAnswer,
  resolvedFrom: z.string().optional().meta({ description: "the id asked for, when it is an old id of a merged session" }),
  timeline: z.object({
    from: z.number().int(),
    count: z.number().int(),
    total: z.number().int(),
    snapshotEvery: z.number().int(),
    events: z.array(z.object({ seq: z.number().int(), description: z.string(), event: cloudEventAnswer })),
    snapshots: z.array(z.unknown()).meta({ description: "the journey state at or before the page's start, and every snapshotEvery events" }),
  }),
});

const noteAnswer = z.object({
  id: z.string(),
  sessionId: z.string(),
  seq: z.number().int().meta({ description: "the event's index in the session (a replay's ?at=)" }),
  position: z.number().int().meta({ description: "the event's place in the store" }),
  text: z.string().meta({ description: "as written, masked by the policy's patterns" }),
  author: z.string(),
  createdAt: iso,
  updatedAt: iso,
  edited: z.boolean(),
});

export const CUSTOMER_OPERATIONS: ApiOperation[] = [
  {
    route: "/api/users",
    method: "GET",
    summary: "Find customers",
    description:
      "By user id or reference, whole name words, whole email or phone, or booking reference (ids and references by a prefix of 3+). Rate limited per viewer.",
    query: userSearchSchema,
    answer: { description: "at most 20; `more`: others match too", schema: z.object({ users: z.array(userSummary), more: z.boolean() }) },
    errors: ["rate_limited"],
  },
  {
    route: "/api/users/[userId]/sessions",
    method: "GET",
    summary: "A customer's sessions, newest first",
    params: userParams,
    answer: { description: "the customer and their sessions", schema: z.object({ ...customerFields, sessions: z.array(sessionAnswer) }) },
    errors: ["not_found"],
  },
  {
    route: "/api/users/[userId]/resume",
    method: "GET",
    summary: "Where the customer's latest unfinished journey left off",
    params: userParams,
    answer: { description: "the resume point of that session", schema: resumeAnswer },
    errors: ["not_found"],
  },
  {
    route: "/api/sessions/[sessionId]",
    method: "GET",
    summary: "A session and a page of its timeline",
    params: z.object({ sessionId: z.string() }),
    query: timelineQuerySchema,
    answer: { description: "the session, events in order with plain-words descriptions, and the journey state snapshots", schema: timelineAnswer },
    errors: ["not_found"],
  },
  {
    route: "/api/sessions/[sessionId]/notes",
    method: "GET",
    summary: "The notes on a session's moments",
    description:
      "In session order. Free text, kept as written and answered through the policy's patterns. Needs users.find (agent, auditor, admin, or a key given it).",
    params: z.object({ sessionId: z.string() }),
    answer: { description: "the session and its notes", schema: z.object({ sessionId: z.string(), notes: z.array(noteAnswer) }) },
    errors: ["not_found"],
  },
  {
    route: "/api/resume-links",
    method: "POST",
    summary: "Create a signed resume link",
    body: { schema: resumeLinkBodySchema },
    answer: {
      status: 201,
      description: "the link for the customer",
      schema: z.object({ url: z.string(), token: z.string(), expiresAt: iso }),
    },
    errors: ["malformed_json", "not_found", "conflict"],
  },
  {
    route: "/api/resume-links/[linkId]",
    method: "DELETE",
    summary: "Revoke a resume link at once",
    params: z.object({ linkId: z.string() }),
    answer: { status: 204, description: "revoked" },
    errors: ["not_found", "conflict"],
  },
  {
    route: "/sessions/[sessionId]/export/[format]",
    method: "GET",
    summary: "Export a session as evidence",
    description:
      "json: its events as stored (masked); csv: its timeline. For a caller with users.find, the notes too (json: `notes` after the events; csv: a last " +
      "column, notes). Streamed page by page; on record as an export.",
    params: z.object({ sessionId: z.string(), format: z.enum(["json", "csv"]) }),
    answer: { description: "an attachment", contentType: "application/json", schema: z.unknown() },
    errors: ["not_found"],
  },
];
