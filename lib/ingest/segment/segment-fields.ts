import type { IncomingEvent } from "../cloud-event";
import { SEGMENT_EXTENSIONS } from "./segment-mapping";
import type { SegmentMessage } from "./segment-schema";

/** The CloudEvents JSON form of a mapped message, for the limits every stored event is held to. */
export function cloudEventJsonOf(event: IncomingEvent): Record<string, unknown> {
  const out: Record<string, unknown> = { specversion: event.specversion, id: event.id, source: event.source, type: event.type };
  if (event.subject !== null) out.subject = event.subject;
  if (event.time !== null) out.time = event.time.toISOString();
  if (event.userid !== null) out.userid = event.userid;
  if (event.anonymousid !== null) out.anonymousid = event.anonymousid;
  Object.assign(out, event.extensions);
  if (event.data?.kind === "json") out.data = event.data.value;
  return out;
}

/** The Segment member a CloudEvent attribute came from, so a refusal names what the producer wrote. */
export function segmentFieldOf(attribute: string | null, message: SegmentMessage): string | null {
  const person = message.userId !== undefined ? "userId" : message.type === "alias" ? "previousId" : "anonymousId";
  const fields: Record<string, string> = {
    id: "messageId",
    type: message.type === "track" ? "event" : "type",
    subject: person,
    userid: "userId",
    anonymousid: message.type === "alias" ? "previousId" : "anonymousId",
    time: message.timestamp !== undefined ? "timestamp" : "originalTimestamp",
    data: message.type === "identify" || message.type === "group" ? "traits" : "properties",
    [SEGMENT_EXTENSIONS.context]: "context",
    [SEGMENT_EXTENSIONS.name]: "name",
    [SEGMENT_EXTENSIONS.category]: "category",
    [SEGMENT_EXTENSIONS.groupId]: "groupId",
  };
  return attribute === null ? null : (fields[attribute] ?? attribute);
}
