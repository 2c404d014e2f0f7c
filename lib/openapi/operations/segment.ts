import { SEGMENT_SCHEMAS, SEGMENT_TYPES, segmentBatchSchema, segmentSuccessSchema } from "../../ingest/segment/segment-schema";
import type { ApiOperation } from "../api-operation";

const ANSWER = { description: "stored (or a duplicate of a message stored before), as Segment answers", schema: segmentSuccessSchema };
const ERRORS = ["malformed_json", "reserved_namespace", "duplicate_id_conflict", "payload_too_large", "invalid_event", "rate_limited"] as const;
const SERVER_ONLY = "Server-side only: a request from a browser is refused. The mapping to CloudEvents is in docs/events.md.";

/** Segment's HTTP tracking API, for teams whose servers already send Segment or RudderStack events. */
export const SEGMENT_OPERATIONS: ApiOperation[] = [
  {
    route: "/v1/batch",
    method: "POST",
    keyAs: "basic",
    summary: "Segment's batch: messages of any type, stored all or none",
    description: SERVER_ONLY,
    body: { schema: segmentBatchSchema.meta({ description: "`batch`: Segment messages (track, identify, page, screen, group, alias)" }) },
    answer: ANSWER,
    errors: ERRORS,
  },
  ...SEGMENT_TYPES.map(
    (type): ApiOperation => ({
      route: `/v1/${type}`,
      method: "POST",
      keyAs: "basic",
      summary: `Segment's ${type}: one message`,
      description: SERVER_ONLY,
      body: { schema: SEGMENT_SCHEMAS[type] },
      answer: ANSWER,
      errors: ERRORS,
    }),
  ),
];
