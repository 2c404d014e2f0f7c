import type { JourneyEvent } from "../journeys/journey-event";

/** Members of a served CloudEvent that are attributes of their own (or set by Rewind): what is left are its extensions. */
const NOT_EXTENSIONS = new Set([
  "specversion",
  "id",
  "source",
  "type",
  "subject",
  "time",
  "datacontenttype",
  "dataschema",
  "data",
  "data_base64",
  "position",
  "streamversion",
  "recordedtime",
  "userid",
  "anonymousid",
  "sessionid",
  "correlationid",
  "causationid",
]);

function extensionsOf(e: Record<string, unknown>): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(e)) if (!NOT_EXTENSIONS.has(name)) out[name] = value;
  return Object.keys(out).length > 0 ? out : null;
}

/** A served CloudEvent (as the API and the player receive it) as the journey event it was folded from. */
export function toJourneyEventFromJson(e: Record<string, unknown>): JourneyEvent {
  const str = (k: string) => (typeof e[k] === "string" ? (e[k] as string) : null);
  return {
    position: Number(e.position),
    type: String(e.type),
    source: String(e.source),
    subject: str("subject"),
    time: Date.parse(String(e.time ?? e.recordedtime)),
    userid: str("userid"),
    anonymousid: str("anonymousid"),
    sessionid: str("sessionid"),
    correlationid: str("correlationid"),
    causationid: str("causationid"),
    data: e.data ?? (e.data_base64 !== undefined ? { data_base64: e.data_base64 } : null),
    extensions: extensionsOf(e),
  };
}
