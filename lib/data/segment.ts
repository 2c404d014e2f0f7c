import "server-only";
import { ApiError } from "../http/errors";
import { identifyCaller } from "../auth/api-keys";
import { firstOutOfScope } from "../auth/key-scope";
import { getStore } from "../db/prisma";
import { DuplicateIdConflictError } from "../eventstore/errors";
import { eventShapeLimits, ingestLimits } from "../ingest/limits";
import { DEFAULT_SEGMENT_SOURCE } from "../ingest/segment/segment-mapping";
import { segmentBodyToEvents, type SegmentEndpoint, type SegmentEvents } from "../ingest/segment/segment-request";
import { isBrowserRequest, readSegmentJson, writeKeyAuthorization } from "../ingest/segment/segment-transport";
import { BlockedUserError } from "../ingest/blocked-check";
import { isCrossSite } from "../net/cross-site";
import { appendIncomingEvents } from "./events";
import { checkIngestRate } from "./ingest-limits";
import { noteKeyUse } from "./key-use";

/**
 * Segment's tracking API: the messages of one request appended as CloudEvents, all or none, with
 * the limits, key scope and idempotency of POST /api/events. A retried message (same messageId,
 * same content; `sentAt` is not content) is a duplicate and answers success again.
 */
export async function appendSegmentRequest(request: Request, endpoint: SegmentEndpoint): Promise<void> {
  if (isCrossSite(request.headers) || isBrowserRequest(request.headers)) {
    throw new ApiError("forbidden", "the tracking API takes requests from servers only: a browser request is refused (a producer key in a page is public)", {
      origin: request.headers.get("origin"),
    });
  }
  const caller = await identifyCaller(getStore(), writeKeyAuthorization(request.headers.get("authorization")));
  if (!caller)
    throw new ApiError("unauthorized", "a valid producer key is required: send it as the HTTP Basic user name (Segment's write key), with an empty password");
  if (caller.kind !== "producer")
    throw new ApiError("forbidden", "this key may read but not append; use a producer key", { keyKind: caller.kind, required: "producer" });
  const limits = ingestLimits();
  const body = await readSegmentJson(request, limits.maxBodyBytes);
  const mapped = segmentBodyToEvents(body, endpoint, caller.source ?? DEFAULT_SEGMENT_SOURCE, { ...limits, ...eventShapeLimits() });
  requireSegmentScope(caller, mapped);
  checkIngestRate(caller.keyId, mapped.events.length);
  try {
    await appendIncomingEvents(mapped.events);
  } catch (error) {
    if (error instanceof BlockedUserError) {
      const field = mapped.fieldOf(error.index, "userId");
      throw new ApiError("invalid_event", `${field} (messageId "${error.id}"): its user id is blocked: ${error.reason}`, {
        index: error.index,
        field,
        messageId: error.id,
        reason: error.reason,
      });
    }
    if (!(error instanceof DuplicateIdConflictError)) throw error;
    const field = mapped.fieldOf(error.index, "messageId");
    throw new ApiError("duplicate_id_conflict", `${field}: source "${error.source}" already has an event with messageId "${error.id}" and different content`, {
      index: error.index,
      field,
      source: error.source,
      messageId: error.id,
      storedPosition: error.storedPosition,
    });
  }
  // A write key used through the tracking API is used too (after the append, as POST /api/events).
  await noteKeyUse(caller);
}

/** A key restricted to some types refuses a message of another, naming it (`batch[3].event`). */
function requireSegmentScope(caller: Parameters<typeof firstOutOfScope>[0], mapped: SegmentEvents): void {
  const refusal = firstOutOfScope(caller, mapped.events);
  if (!refusal) return;
  const { index, id, attribute, value, allowed } = refusal;
  const member = attribute === "type" ? (mapped.types[index] === "track" ? "event" : "type") : "source";
  const field = mapped.fieldOf(index, member);
  const why =
    attribute === "type" ? `type "${value}" is not one this key appends (${[allowed].flat().join(", ")})` : `this key appends for source "${allowed}" only`;
  throw new ApiError("forbidden", `${field} (messageId "${id}"): ${why}`, { index, field, messageId: id, attribute, [attribute]: value, allowed });
}
