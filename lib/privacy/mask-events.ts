import type { CloudEventJson } from "../eventstore/to-cloud-event";
import type { JourneyEvent } from "../journeys/journey-event";
import type { Masker } from "./mask";

/** The CloudEvent attributes that are Rewind's or the spec's own: ids and times, never personal. */
const ENVELOPE = new Set([
  "specversion", "id", "source", "type", "position", "streamversion", "recordedtime", "subject", "time",
  "datacontenttype", "dataschema", "userid", "anonymousid", "sessionid", "correlationid", "causationid", "data", "data_base64",
]);

/**
 * An event as it may leave the server: data masked by the policy, extension attributes through
 * the patterns. Binary data cannot be inspected, so it does not leave at all.
 */
export function maskCloudEvent(masker: Masker, event: CloudEventJson): CloudEventJson {
  const out: CloudEventJson = { ...event };
  for (const [key, value] of Object.entries(event)) {
    if (!ENVELOPE.has(key)) out[key] = masker.deep(value);
  }
  if ("data" in event) out.data = masker.eventData(event.type, event.data);
  if ("data_base64" in event) {
    delete out.data_base64;
    out.data = "[binary data withheld]";
  }
  return out;
}

export function maskJourneyEvent(masker: Masker, event: JourneyEvent): JourneyEvent {
  return { ...event, data: masker.eventData(event.type, event.data) };
}
