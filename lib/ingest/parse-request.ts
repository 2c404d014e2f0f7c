import { ApiError } from "../http/errors";
import { binaryAttributes, validateBinaryEvent } from "./binary-mode";
import type { IncomingEvent } from "./cloud-event";
import { eventShapeLimits, type IngestLimits } from "./limits";
import { parseMediaType } from "./media-type";
import { invalidEventsError, reservedNamespaceError, validateStructuredEvent, type EventIssue } from "./normalise";

export const STRUCTURED = "application/cloudevents+json";
export const BATCH = "application/cloudevents-batch+json";

/** Reads the body, refusing it (413) as soon as it passes the limit rather than after buffering it all. */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  const tooLarge = () => new ApiError("payload_too_large", `the body is over the limit of ${maxBytes} bytes`, { limitBytes: maxBytes });
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch (error) {
    throw new ApiError("malformed_json", `the body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Validates a whole batch; any bad element refuses the request, naming every bad element. */
export function validateBatch(elements: unknown[], limits: IngestLimits): IncomingEvent[] {
  if (elements.length > limits.maxEventsPerRequest) {
    throw new ApiError("payload_too_large", `the batch has ${elements.length} events; the limit is ${limits.maxEventsPerRequest} per request`, {
      events: elements.length,
      limitEvents: limits.maxEventsPerRequest,
    });
  }
  const events: IncomingEvent[] = [];
  const issues: EventIssue[] = [];
  const shapeLimits = eventShapeLimits();
  elements.forEach((element, index) => {
    const result = validateStructuredEvent(element, index, shapeLimits);
    if (result.ok) events.push(result.event);
    else issues.push(...result.issues);
  });
  if (issues.length > 0) throw invalidEventsError(issues);
  const reserved = reservedNamespaceError(events);
  if (reserved) throw reserved;
  return events;
}

/**
 * Turns an ingest request in any CloudEvents HTTP mode (structured, batched, binary) into
 * validated events, or throws the ApiError that refuses it. Nothing here touches the store.
 */
export async function parseIngestRequest(request: Request, limits: IngestLimits): Promise<IncomingEvent[]> {
  const contentType = request.headers.get("content-type");
  const essence = parseMediaType(contentType)?.essence;
  const binary = essence === STRUCTURED || essence === BATCH ? null : binaryAttributes(request.headers);
  if (essence !== STRUCTURED && essence !== BATCH && !binary) {
    throw new ApiError(
      "unsupported_media_type",
      `Content-Type "${contentType ?? "(none)"}" is not accepted: send ${STRUCTURED}, ${BATCH}, or binary mode with ce-* headers`,
      { contentType: contentType ?? null, accepted: [STRUCTURED, BATCH, "binary mode (ce-specversion header)"] },
    );
  }
  const body = await readBodyWithLimit(request, limits.maxBodyBytes);

  if (binary) {
    const result = validateBinaryEvent(binary, body);
    if (!result.ok) throw invalidEventsError(result.issues);
    const reserved = reservedNamespaceError([result.event]);
    if (reserved) throw reserved;
    return [result.event];
  }
  const json = parseJson(body);
  if (essence === BATCH) {
    if (!Array.isArray(json)) {
      throw new ApiError("invalid_event", `a ${BATCH} body must be a JSON array of events`, {
        index: null,
        attribute: null,
      });
    }
    return validateBatch(json, limits);
  }
  return validateBatch([json], limits);
}
