import { z } from "zod";
import { feedQuerySchema, streamQuerySchema, verifyQuerySchema } from "../../api/query-schemas";
import { cloudEventSchema } from "../../ingest/event-schema";
import type { ApiOperation } from "../api-operation";
import { cloudEventAnswer } from "../answers/common";

const appendAnswer = z.object({
  results: z.array(
    z.object({
      position: z.number().int(),
      streamversion: z.number().int(),
      duplicate: z.boolean().meta({ description: "the same event (same source and id, same content) was stored before; nothing new was written" }),
    }),
  ),
});

const incomingEvent = cloudEventSchema.meta({ id: "IncomingCloudEvent" });

const streamParams = z.object({
  stream: z.string().meta({ description: "the URL-encoded subject, or @<position> of one of its events (for a subject that is personal)" }),
});

export const EVENT_OPERATIONS: ApiOperation[] = [
  {
    route: "/api/events",
    method: "POST",
    summary: "Append CloudEvents",
    description:
      "CloudEvents 1.0 in structured mode (application/cloudevents+json), batched (application/cloudevents-batch+json: an array) " +
      "or binary mode (ce-* headers, the body is the data). A refused request writes nothing.",
    body: {
      schema: incomingEvent,
      contentType: "application/cloudevents+json",
      also: {
        "application/cloudevents-batch+json": z.array(incomingEvent),
        "*/*": z.unknown().meta({ description: "binary mode: the body is the data, the attributes are ce-* headers" }),
      },
    },
    answer: { description: "where each event was stored, in the order sent", schema: appendAnswer },
    errors: [
      "malformed_json",
      "reserved_namespace",
      "wrong_expected_version",
      "duplicate_id_conflict",
      "payload_too_large",
      "unsupported_media_type",
      "invalid_event",
      "rate_limited",
    ],
  },
  {
    route: "/api/events",
    method: "GET",
    summary: "The global feed in append order",
    query: feedQuerySchema,
    answer: { description: "events after `after` (exclusive)", schema: z.object({ events: z.array(cloudEventAnswer) }) },
  },
  {
    route: "/api/streams/[stream]",
    method: "GET",
    summary: "One stream in version order",
    params: streamParams,
    query: streamQuerySchema,
    answer: { description: "the stream's name (masked) and its events", schema: z.object({ stream: z.string(), events: z.array(cloudEventAnswer) }) },
    errors: ["not_found"],
  },
  {
    route: "/api/integrity",
    method: "GET",
    summary: "The tamper-evidence chain's head as a digest to keep outside Rewind",
    answer: {
      description: "the digest, or nulls before the first chained event",
      schema: z.object({
        digest: z.string().nullable().meta({ description: "rewind-digest:v1:<position>:<link>" }),
        position: z.number().int().nullable(),
        link: z.string().nullable(),
        head: z.number().int().meta({ description: "the newest event in the store, chained or not" }),
      }),
    },
  },
  {
    route: "/api/integrity/verify",
    method: "GET",
    summary: "Check every event's content and chain link (and a kept digest)",
    query: verifyQuerySchema,
    answer: {
      description:
        'NDJSON: {"progress":{checked,position,head}} lines, then ' +
        '{"result":{ok, checked, unchained, purged, erased, erasures:[{record, events, message}], head, digest:{given, matched}, ' +
        "problemCount, problems:[{kind, position, message}]}}",
      contentType: "application/x-ndjson",
      schema: z.string(),
    },
  },
];
