import { ApiError } from "../http/errors";
import type { EventData } from "./cloud-event";
import { isJsonMediaType, isTextMediaType, parseMediaType } from "./media-type";
import { eventShapeLimits, type EventShapeLimits } from "./limits";
import { issuesOf, shapeIssue, toIncomingEvent, type Validated } from "./normalise";
import { cloudEventSchema, unstorableProblem } from "./event-schema";

/**
 * CloudEvents HTTP binding, binary mode: attributes travel as `ce-<name>` headers
 * (percent-encoded), the Content-Type header is `datacontenttype`, the body is the data.
 */
export function binaryAttributes(headers: Headers): Record<string, string> | null {
  if (!headers.has("ce-specversion")) return null;
  const attributes: Record<string, string> = {};
  headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (!lower.startsWith("ce-")) return;
    let decoded = value;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      // not percent-encoded: keep the value as sent
    }
    attributes[lower.slice(3)] = decoded;
  });
  const contentType = headers.get("content-type");
  if (contentType) attributes.datacontenttype = contentType;
  return attributes;
}

function binaryData(body: Uint8Array, contentType: string | undefined): EventData | null {
  if (body.byteLength === 0) return null;
  const essence = parseMediaType(contentType)?.essence;
  if (essence === undefined) {
    // No Content-Type: JSON when the body is JSON (the CloudEvents default), bytes otherwise.
    try {
      return { kind: "json", value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body)) };
    } catch {
      return { kind: "base64", value: Buffer.from(body).toString("base64") };
    }
  }
  if (isJsonMediaType(essence)) {
    const text = new TextDecoder().decode(body);
    try {
      return { kind: "json", value: JSON.parse(text) };
    } catch {
      throw new ApiError("malformed_json", "the body is not valid JSON, but its Content-Type says JSON", {
        index: 0,
        attribute: "data",
      });
    }
  }
  if (isTextMediaType(essence)) return { kind: "text", value: new TextDecoder().decode(body) };
  return { kind: "base64", value: Buffer.from(body).toString("base64") };
}

export function validateBinaryEvent(attributes: Record<string, string>, body: Uint8Array, limits: EventShapeLimits = eventShapeLimits()): Validated {
  const result = cloudEventSchema.safeParse(attributes);
  if (!result.success) {
    return { ok: false, issues: issuesOf(result.error, 0) };
  }
  const data = binaryData(body, attributes.datacontenttype);
  // The same limits as structured mode, on the same JSON form: the data as it will be kept.
  const asStructured = data === null ? attributes : { ...attributes, [data.kind === "base64" ? "data_base64" : "data"]: data.value };
  const overLimit = shapeIssue(asStructured, 0, limits);
  if (overLimit) return { ok: false, issues: [overLimit] };
  const problem = data && data.kind !== "base64" ? unstorableProblem(data.value, ["data"]) : null;
  if (problem) return { ok: false, issues: [{ index: 0, attribute: "data", message: problem.message }] };
  return { ok: true, event: toIncomingEvent(result.data, data) };
}
