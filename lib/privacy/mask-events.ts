import type { CloudEventJson } from "../eventstore/to-cloud-event";
import type { JourneyEvent } from "../journeys/journey-event";
import { SEGMENT_EXTENSIONS } from "../ingest/segment/segment-mapping";
import type { Masker } from "./mask";
import { maskSegmentContext } from "./mask-segment-context";

/** Attributes Rewind sets itself (numbers and times it writes): nothing a producer can put personal data in. */
const SET_BY_REWIND = new Set(["specversion", "position", "streamversion", "recordedtime", "time", "data", "data_base64"]);

/**
 * An event as it may leave the server: data masked by the policy (paths for its type, then the
 * patterns over every string and key), and every other attribute through the patterns: the
 * envelope (`id`, `source`, `type`, `subject`, `userid`, `anonymousid`, `sessionid`,
 * `correlationid`, `causationid`, `dataschema`, `datacontenttype`) as much as extensions, since
 * a producer chooses them all (`subject: "customer/jane@example.com"`). The policy's paths are
 * looked up by the type as stored. Binary data cannot be inspected, so it does not leave at all.
 */
export function maskCloudEvent(masker: Masker, event: CloudEventJson): CloudEventJson {
  const out = { ...event };
  for (const [key, value] of Object.entries(event)) {
    if (!SET_BY_REWIND.has(key)) out[key] = maskAttribute(masker, key, value);
  }
  if ("data" in event) out.data = masker.eventData(event.type, event.data);
  if ("data_base64" in event) {
    delete out.data_base64;
    out.data = "[binary data withheld]";
  }
  return out;
}

/**
 * One attribute or extension by name: whole when a journey names it personal (`people` outside
 * `data`), Segment's context by its own personal paths, anything else through the patterns.
 */
function maskAttribute(masker: Masker, name: string, value: unknown): unknown {
  if (typeof value === "number" || typeof value === "boolean") {
    const masked = masker.attribute(name, String(value));
    return masked === String(value) ? value : masked;
  }
  if (typeof value !== "string") return masker.deep(value);
  const whole = masker.attribute(name, value);
  if (name === SEGMENT_EXTENSIONS.context && whole === masker.text(value)) return maskSegmentContext(masker, value);
  return whole;
}

function maskOrNull(masker: Masker, name: string, value: string | null): string | null {
  return value === null ? null : masker.attribute(name, value);
}

function maskExtensions(masker: Masker, extensions: JourneyEvent["extensions"]): JourneyEvent["extensions"] {
  if (!extensions) return extensions;
  return Object.fromEntries(Object.entries(extensions).map(([name, value]) => [name, maskAttribute(masker, name, value)]));
}

/**
 * An event as a journey sees it, masked the same way: what the player folds in the browser and
 * what descriptions quote. Policy paths by the type as stored; the type itself through the
 * patterns like every other string (a type is a producer's string too).
 */
export function maskJourneyEvent(masker: Masker, event: JourneyEvent): JourneyEvent {
  return {
    ...event,
    type: masker.text(event.type),
    source: masker.text(event.source),
    subject: maskOrNull(masker, "subject", event.subject),
    userid: maskOrNull(masker, "userid", event.userid),
    anonymousid: maskOrNull(masker, "anonymousid", event.anonymousid),
    sessionid: maskOrNull(masker, "sessionid", event.sessionid),
    correlationid: maskOrNull(masker, "correlationid", event.correlationid),
    causationid: maskOrNull(masker, "causationid", event.causationid),
    data: masker.eventData(event.type, event.data),
    ...(event.extensions === undefined ? {} : { extensions: maskExtensions(masker, event.extensions) }),
  };
}
