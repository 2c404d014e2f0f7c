import { stableStringify } from "../../eventstore/canonical";
import type { ExtensionValue, IncomingEvent } from "../cloud-event";
import { TRANSPORT_FIELDS, type SegmentMessage } from "./segment-schema";

/** The source of a key that names none (the environment's producer key). */
export const DEFAULT_SEGMENT_SOURCE = "segment";

/**
 * Extension attributes a Segment message's other members are kept in (CloudEvents extension
 * names are lower-case letters and digits, and their values scalars, so objects are kept as
 * their JSON text, keys sorted: a message resent with its keys in another order is the same).
 */
export const SEGMENT_EXTENSIONS = {
  context: "segmentcontext",
  name: "segmentname",
  category: "segmentcategory",
  groupId: "segmentgroupid",
  /** members Segment's spec does not name and that are not transport: kept rather than lost */
  extra: "segmentextra",
} as const;

/** Members the mapping reads into attributes of their own; everything else but transport goes to `segmentextra`. */
const MAPPED = new Set([
  "type",
  "messageId",
  "userId",
  "anonymousId",
  "previousId",
  "timestamp",
  "originalTimestamp",
  "event",
  "properties",
  "traits",
  "context",
  "name",
  "category",
  "groupId",
  ...TRANSPORT_FIELDS,
]);

function jsonText(value: Record<string, unknown>): string {
  return stableStringify(value);
}

function extensionsOf(message: SegmentMessage): Record<string, ExtensionValue> {
  const extensions: Record<string, ExtensionValue> = {};
  if (message.context !== undefined) extensions[SEGMENT_EXTENSIONS.context] = jsonText(message.context);
  if ((message.type === "page" || message.type === "screen") && message.name !== undefined) extensions[SEGMENT_EXTENSIONS.name] = message.name;
  if ((message.type === "page" || message.type === "screen") && message.category !== undefined) extensions[SEGMENT_EXTENSIONS.category] = message.category;
  if (message.type === "group") extensions[SEGMENT_EXTENSIONS.groupId] = message.groupId;
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message)) if (!MAPPED.has(key) && value !== undefined) extra[key] = value;
  // An alias's own anonymous id (analytics.js sends one) is not the id it links: kept, not lost.
  if (message.type === "alias" && message.anonymousId !== undefined) extra.anonymousId = message.anonymousId;
  if (Object.keys(extra).length > 0) extensions[SEGMENT_EXTENSIONS.extra] = jsonText(extra);
  return extensions;
}

function dataOf(message: SegmentMessage): Record<string, unknown> | undefined {
  switch (message.type) {
    case "track":
    case "page":
    case "screen":
      return message.properties;
    case "identify":
    case "group":
      return message.traits;
    case "alias":
      return undefined;
    default: {
      const unknownType: never = message;
      throw new Error(`no mapping for ${JSON.stringify(unknownType)}`);
    }
  }
}

/**
 * One Segment message as the CloudEvent Rewind stores (docs/events.md has the table). An alias
 * carries `previousId` as its anonymous id beside `userId`: an event carrying both is what links
 * a visitor to a user, so the visitor's earlier events join the user's sessions.
 */
export function segmentToCloudEvent(message: SegmentMessage, source: string): IncomingEvent {
  const anonymousid = message.type === "alias" ? message.previousId : (message.anonymousId ?? null);
  const person = message.userId ?? anonymousid;
  const data = dataOf(message);
  return {
    specversion: "1.0",
    id: message.messageId,
    source,
    type: message.type === "track" ? message.event : message.type,
    subject: `segment/${person}`,
    time: message.timestamp ?? message.originalTimestamp ?? null,
    datacontenttype: null,
    dataschema: null,
    data: data === undefined ? null : { kind: "json", value: data },
    userid: message.userId ?? null,
    anonymousid,
    sessionid: null,
    correlationid: null,
    causationid: null,
    extensions: extensionsOf(message),
    expectedVersion: null,
  };
}
