import { z } from "zod";
import { isReference } from "../../users/reference-format";
import { parseRfc3339 } from "../event-schema";

/**
 * Segment's HTTP tracking API, as its server libraries send it (@segment/analytics-node: a body
 * `{"batch":[…],"writeKey","sentAt"}` to /v1/batch; one message to /v1/track and the others).
 * Exported for the OpenAPI document. What each field becomes is in segment-mapping.ts and
 * docs/events.md.
 */
export const SEGMENT_TYPES = ["track", "identify", "page", "screen", "group", "alias"] as const;
export type SegmentType = (typeof SEGMENT_TYPES)[number];

const nonEmpty = (name: string) => z.string({ error: `${name} must be a non-empty string` }).min(1, { error: `${name} must be a non-empty string` });

/** Segment's ids are strings; some libraries send numbers, read as their digits. */
const segmentId = (name: string) => z.union([nonEmpty(name), z.number().int()], { error: `${name} must be a non-empty string` }).transform((v) => String(v));

const userIdSchema = segmentId("userId").refine((id) => !isReference(id), {
  error: "userId has the shape of a customer reference (cus_ and 20 hex digits), which Rewind assigns itself",
});

const timestampSchema = (name: string) =>
  z.string({ error: `${name} must be an ISO 8601 timestamp with a time zone` }).transform((value, ctx) => {
    const date = parseRfc3339(value);
    if (!date) ctx.addIssue({ code: "custom", message: `${name} "${value}" is not an ISO 8601 timestamp with a time zone (2026-06-01T10:00:00.000Z)` });
    return date ?? new Date(0);
  });

const objectOf = (name: string) => z.record(z.string(), z.unknown(), { error: `${name} must be a JSON object` });

/** Members every message may carry. Transport members are read and never stored (see TRANSPORT_FIELDS). */
const common = {
  messageId: nonEmpty("messageId"),
  userId: userIdSchema.optional(),
  anonymousId: segmentId("anonymousId").optional(),
  timestamp: timestampSchema("timestamp").optional(),
  originalTimestamp: timestampSchema("originalTimestamp").optional(),
  context: objectOf("context").optional(),
  integrations: objectOf("integrations").optional(),
};

/**
 * Members of a message that say how it travelled, not what happened: a retry sends them anew
 * (analytics-node stamps `sentAt` on every attempt), so storing them would turn a retried
 * message into a conflict. `integrations` routes a message to Segment's destinations.
 */
export const TRANSPORT_FIELDS = ["sentAt", "receivedAt", "_metadata", "writeKey", "integrations", "version", "channel", "requestId"] as const;

const needsIdentity = (message: { userId?: string; anonymousId?: string }) => message.userId !== undefined || message.anonymousId !== undefined;
const identityIssue = { error: "a message needs a userId or an anonymousId", path: ["userId"] };

const withType = <T extends SegmentType>(type: T) => z.literal(type, { error: `type must be "${type}"` });

export const segmentTrackSchema = z
  .looseObject({ ...common, type: withType("track"), event: nonEmpty("event"), properties: objectOf("properties").optional() })
  .refine(needsIdentity, identityIssue);
export const segmentIdentifySchema = z
  .looseObject({ ...common, type: withType("identify"), traits: objectOf("traits").optional() })
  .refine(needsIdentity, identityIssue);
const pageLike = <T extends "page" | "screen">(type: T) =>
  z
    .looseObject({
      ...common,
      type: withType(type),
      name: nonEmpty("name").optional(),
      category: nonEmpty("category").optional(),
      properties: objectOf("properties").optional(),
    })
    .refine(needsIdentity, identityIssue);
export const segmentPageSchema = pageLike("page");
export const segmentScreenSchema = pageLike("screen");
export const segmentGroupSchema = z
  .looseObject({ ...common, type: withType("group"), groupId: segmentId("groupId"), traits: objectOf("traits").optional() })
  .refine(needsIdentity, identityIssue);
/** Alias: `previousId` (the id the visitor had) is now `userId`. */
export const segmentAliasSchema = z.looseObject({
  ...common,
  type: withType("alias"),
  userId: userIdSchema,
  previousId: segmentId("previousId"),
});

export const SEGMENT_SCHEMAS = {
  track: segmentTrackSchema,
  identify: segmentIdentifySchema,
  page: segmentPageSchema,
  screen: segmentScreenSchema,
  group: segmentGroupSchema,
  alias: segmentAliasSchema,
} as const;

/** Any one message, told apart by its `type`. */
export const segmentMessageSchema = z.union([
  segmentTrackSchema,
  segmentIdentifySchema,
  segmentPageSchema,
  segmentScreenSchema,
  segmentGroupSchema,
  segmentAliasSchema,
]);
export type SegmentMessage = z.output<typeof segmentMessageSchema>;

/** POST /v1/batch: the messages, with `context` and `integrations` that apply to every one of them. */
export const segmentBatchSchema = z.looseObject({
  batch: z.array(z.unknown(), { error: "batch must be a JSON array of messages" }),
  context: objectOf("context").optional(),
  integrations: objectOf("integrations").optional(),
});

/** What every /v1 route answers on success, as Segment does. */
export const segmentSuccessSchema = z.object({ success: z.literal(true) });
