import type { z } from "zod";
import { ApiError } from "../../http/errors";
import type { IncomingEvent } from "../cloud-event";
import { unstorableProblem } from "../event-schema";
import { eventShapeProblem, type ShapeLimitName } from "../event-shape";
import type { EventShapeLimits, IngestLimits } from "../limits";
import { reservedNamespaceError } from "../normalise";
import { segmentToCloudEvent } from "./segment-mapping";
import { cloudEventJsonOf, segmentFieldOf } from "./segment-fields";
import { SEGMENT_SCHEMAS, SEGMENT_TYPES, segmentBatchSchema, type SegmentMessage, type SegmentType } from "./segment-schema";

/** The events a body maps to, each message's type beside its event, and how to name a member of message `index`. */
export interface SegmentEvents {
  events: IncomingEvent[];
  types: SegmentType[];
  fieldOf(index: number, field: string): string;
}

/** Which route a body came to: /v1/batch, or one message's own (/v1/track…). */
export type SegmentEndpoint = "batch" | SegmentType;

export interface SegmentIssue {
  /** the message's place in the batch (0 for a single message) */
  index: number;
  /** where, as the producer wrote it: `batch[3].messageId`, or `messageId` for a single message */
  field: string | null;
  message: string;
  limit?: { name: ShapeLimitName; value: number };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Members sent as JSON null are absent (analytics.js sends `"userId": null` for a visitor), and so
 * is an empty user or anonymous id, which names nobody (Segment reads it as missing too).
 */
function presentMembers(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== null && !(v === "" && (k === "userId" || k === "anonymousId"))));
}

const isSegmentType = (value: unknown): value is SegmentType => typeof value === "string" && (SEGMENT_TYPES as readonly string[]).includes(value);

/** A message's type: its own on /v1/batch; on a single route the route's (a `type` member may only agree). */
function typeOf(input: Record<string, unknown>, endpoint: SegmentEndpoint): { type: SegmentType } | { problem: string } {
  const sent = input.type === undefined ? "" : `, not ${JSON.stringify(input.type).slice(0, 60)}`;
  if (endpoint === "batch") return isSegmentType(input.type) ? { type: input.type } : { problem: `type must be one of ${SEGMENT_TYPES.join(", ")}${sent}` };
  return input.type === undefined || input.type === endpoint
    ? { type: endpoint }
    : { problem: `type must be "${endpoint}" (or absent) on /v1/${endpoint}${sent}` };
}

/** Where a message is: its index, `batch[3]` (or "" for a single message), and the route it came to. */
export interface MessagePlace {
  index: number;
  prefix: string;
  endpoint: SegmentEndpoint;
}

type Checked = { ok: true; event: IncomingEvent; type: SegmentType } | { ok: false; issues: SegmentIssue[] };

/**
 * One message: shape limits first (iterative, so a message nested 100,000 deep is refused before
 * anything recurses), strings the stores cannot keep, then Segment's fields, then the limits again
 * on the CloudEvent it becomes (an indexed attribute's size, the event's size).
 */
export function checkSegmentMessage(input: unknown, at: MessagePlace, source: string, limits: EventShapeLimits): Checked {
  const where = (field: string | null) => (field === null ? at.prefix || null : at.prefix ? `${at.prefix}.${field}` : field);
  const fail = (field: string | null, message: string, limit?: SegmentIssue["limit"]): Checked => ({
    ok: false,
    issues: [{ index: at.index, field: where(field), message, ...(limit ? { limit } : {}) }],
  });
  if (!isObject(input)) return fail(null, "a message must be a JSON object");
  const raw = eventShapeProblem(input, limits);
  if (raw) return fail(raw.attribute, raw.message, { name: raw.limit, value: raw.limitValue });
  const unstorable = unstorableProblem(input, []);
  if (unstorable) return fail(unstorable.path.join("."), unstorable.message);
  const present = presentMembers(input);
  const typed = typeOf(present, at.endpoint);
  if ("problem" in typed) return fail("type", typed.problem);
  const parsed = (SEGMENT_SCHEMAS[typed.type] as z.ZodType<SegmentMessage>).safeParse({ ...present, type: typed.type });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        index: at.index,
        field: where(issue.path.length > 0 ? String(issue.path[0]) : "type"),
        message: issue.message,
      })),
    };
  }
  const event = segmentToCloudEvent(parsed.data, source);
  const mapped = eventShapeProblem(cloudEventJsonOf(event), limits);
  if (mapped) return fail(segmentFieldOf(mapped.attribute, parsed.data), mapped.message, { name: mapped.limit, value: mapped.limitValue });
  return { ok: true, event, type: parsed.data.type };
}

function invalidMessagesError(issues: SegmentIssue[]): ApiError {
  const first = issues[0]!;
  return new ApiError("invalid_event", `${first.field ?? `message ${first.index}`}: ${first.message}`, {
    index: first.index,
    field: first.field,
    ...(first.limit ? { limit: first.limit } : {}),
    issues: issues.slice(0, 100),
  });
}

/**
 * A /v1 body as CloudEvents, or the ApiError that refuses it whole (one bad message refuses the
 * batch, naming every bad one, as CloudEvents batch mode does). `endpoint` is the route's; a
 * batch's own `context` applies to each message (the message's members win).
 */
export function segmentBodyToEvents(body: unknown, endpoint: SegmentEndpoint, source: string, limits: IngestLimits & EventShapeLimits): SegmentEvents {
  let messages: { input: unknown; prefix: string }[];
  if (endpoint === "batch") {
    const batch = segmentBatchSchema.safeParse(isObject(body) ? presentMembers(body) : body);
    if (!batch.success) {
      const issue = batch.error.issues[0]!;
      const field = issue.path.length > 0 ? String(issue.path[0]) : "batch";
      const message = issue.path.length > 0 ? issue.message : "the body must be a JSON object with a batch array of messages";
      throw new ApiError("invalid_event", `${field}: ${message}`, { index: null, field });
    }
    if (batch.data.batch.length > limits.maxEventsPerRequest) {
      throw new ApiError("payload_too_large", `the batch has ${batch.data.batch.length} messages; the limit is ${limits.maxEventsPerRequest} per request`, {
        events: batch.data.batch.length,
        limitEvents: limits.maxEventsPerRequest,
      });
    }
    const shared = batch.data.context;
    messages = batch.data.batch.map((input, i) => ({
      input: shared && isObject(input) ? { ...input, context: { ...shared, ...(isObject(input.context) ? input.context : {}) } } : input,
      prefix: `batch[${i}]`,
    }));
  } else {
    messages = [{ input: body, prefix: "" }];
  }
  const events: IncomingEvent[] = [];
  const types: SegmentType[] = [];
  const issues: SegmentIssue[] = [];
  messages.forEach(({ input, prefix }, index) => {
    const result = checkSegmentMessage(input, { index, prefix, endpoint }, source, limits);
    if (result.ok) {
      events.push(result.event);
      types.push(result.type);
    } else issues.push(...result.issues);
  });
  if (issues.length > 0) throw invalidMessagesError(issues);
  const reserved = reservedNamespaceError(events);
  if (reserved) throw reserved;
  return { events, types, fieldOf: (index, field) => (endpoint === "batch" ? `batch[${index}].${field}` : field) };
}
