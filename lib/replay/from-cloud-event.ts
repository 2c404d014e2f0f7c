import type { JourneyEvent } from "../journeys/journey-event";

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
  };
}
