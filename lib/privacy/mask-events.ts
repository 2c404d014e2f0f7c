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
    if (!SET_BY_REWIND.has(key)) out[key] = masker.deep(value);
  }
  const context = event[SEGMENT_EXTENSIONS.context];
  if (typeof context === "string") out[SEGMENT_EXTENSIONS.context] = maskSegmentContext(masker, context);
  if ("data" in event) out.data = masker.eventData(event.type, event.data);
  if ("data_base64" in event) {
    delete out.data_base64;
    out.data = "[binary data withheld]";
  }
  return out;
}

function maskOrNull(masker: Masker, value: string | null): string | null {
  return value === null ? null : masker.text(value);
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
    subject: maskOrNull(masker, event.subject),
    userid: maskOrNull(masker, event.userid),
    anonymousid: maskOrNull(masker, event.anonymousid),
    sessionid: maskOrNull(masker, event.sessionid),
    correlationid: maskOrNull(masker, event.correlationid),
    causationid: maskOrNull(masker, event.causationid),
    data: masker.eventData(event.type, event.data),
  };
}
