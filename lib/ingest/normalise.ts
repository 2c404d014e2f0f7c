import type { z } from "zod";
import { ApiError } from "../http/errors";
import type { EventData, ExtensionValue, IncomingEvent } from "./cloud-event";
import { RESERVED_PREFIX } from "./cloud-event";
import { cloudEventSchema, type ParsedCloudEvent } from "./event-schema";
import { eventShapeProblem, type ShapeLimitName } from "./event-shape";
import { eventShapeLimits, type EventShapeLimits } from "./limits";
import { isJsonMediaType, isTextMediaType, parseMediaType } from "./media-type";

export interface EventIssue {
  index: number;
  attribute: string | null;
  message: string;
  /** the event's id, when the issue is a limit (which the producer needs to find the event by) */
  id?: string | null;
  /** the limit passed: its name and value */
  limit?: { name: ShapeLimitName; value: number };
}

/** The issue for an event over a shape limit, or null; `input` is the event's JSON form. */
export function shapeIssue(input: unknown, index: number, limits: EventShapeLimits): EventIssue | null {
  const found = eventShapeProblem(input, limits);
  if (!found) return null;
  const id = (input as { id?: unknown }).id;
  return {
    index,
    attribute: found.attribute,
    message: found.message,
    id: typeof id === "string" ? id : null,
    limit: { name: found.limit, value: found.limitValue },
  };
}

const KNOWN = new Set(Object.keys(cloudEventSchema.shape));

export function issuesOf(error: z.ZodError, index: number): EventIssue[] {
  return error.issues.map((issue) => ({
    index,
    attribute: issue.path.length > 0 ? String(issue.path[0]) : null,
    message: issue.message,
  }));
}

/** How a structured event's `data` member is kept: text for textual media types, JSON otherwise. */
function structuredData(parsed: ParsedCloudEvent): EventData | null {
  if (parsed.data_base64 !== undefined) return { kind: "base64", value: parsed.data_base64 };
  if (parsed.data === undefined) return null;
  const essence = parseMediaType(parsed.datacontenttype)?.essence;
  if (typeof parsed.data === "string" && !isJsonMediaType(essence) && isTextMediaType(essence)) {
    return { kind: "text", value: parsed.data };
  }
  return { kind: "json", value: parsed.data };
}

/** A parsed event, with Rewind's columns split from the other extensions. */
export function toIncomingEvent(parsed: ParsedCloudEvent, data: EventData | null): IncomingEvent {
  const extensions: Record<string, ExtensionValue> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (!KNOWN.has(name)) extensions[name] = value as ExtensionValue;
  }
  return {
    specversion: "1.0",
    id: parsed.id,
    source: parsed.source,
    type: parsed.type,
    subject: parsed.subject ?? null,
    time: parsed.time ?? null,
    datacontenttype: parsed.datacontenttype ?? null,
    dataschema: parsed.dataschema ?? null,
    data,
    userid: parsed.userid ?? null,
    anonymousid: parsed.anonymousid ?? null,
    sessionid: parsed.sessionid ?? null,
    correlationid: parsed.correlationid ?? null,
    causationid: parsed.causationid ?? null,
    extensions,
    expectedVersion: parsed.expectedversion ?? null,
  };
}

/** Optional attributes sent as JSON null are treated as absent. */
function dropNulls(input: Record<string, unknown>): Record<string, unknown> {
  if (!Object.values(input).includes(null)) return input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== null) out[k] = v;
  return out;
}

export type Validated = { ok: true; event: IncomingEvent } | { ok: false; issues: EventIssue[] };

/**
 * Validates one structured-mode event (an element of a batch, or the whole body, or a record of an
 * import file): its shape limits first, then the CloudEvents attributes.
 */
export function validateStructuredEvent(input: unknown, index: number, limits: EventShapeLimits = eventShapeLimits()): Validated {
  if (typeof input !== "object" || input === null || Array.isArray(input) || Object.keys(input).length === 0) {
    return { ok: false, issues: [{ index, attribute: null, message: "the event must be a non-empty JSON object" }] };
  }
  const overLimit = shapeIssue(input, index, limits);
  if (overLimit) return { ok: false, issues: [overLimit] };
  const result = cloudEventSchema.safeParse(dropNulls(input as Record<string, unknown>));
  if (!result.success) return { ok: false, issues: issuesOf(result.error, index) };
  return { ok: true, event: toIncomingEvent(result.data, structuredData(result.data)) };
}

/** A refusal for the whole request, naming the first bad event and attribute and listing all. */
export function invalidEventsError(issues: EventIssue[]): ApiError {
  const first = issues[0]!;
  return new ApiError("invalid_event", `event ${first.index}${first.attribute ? `, attribute "${first.attribute}"` : ""}: ${first.message}`, {
    index: first.index,
    attribute: first.attribute,
    ...(first.limit ? { id: first.id ?? null, limit: first.limit } : {}),
    issues: issues.slice(0, 100),
  });
}

/** Producers may not write under Rewind's own namespace (the audit trail lives there). */
export function reservedNamespaceError(events: readonly IncomingEvent[]): ApiError | null {
  for (const [index, event] of events.entries()) {
    for (const attribute of ["source", "subject"] as const) {
      const value = event[attribute];
      if (value?.startsWith(RESERVED_PREFIX)) {
        return new ApiError("reserved_namespace", `event ${index}, attribute "${attribute}": "${RESERVED_PREFIX}" is reserved for Rewind's own events`, {
          index,
          attribute,
        });
      }
    }
  }
  return null;
}

export { isJsonMediaType, isTextMediaType };
