import { dialectOf } from "../db/dialect";
import type { Store } from "../db/prisma";
import { sql } from "../db/sql";
import { appendEvents } from "../eventstore/append";
import { readEventAt } from "../eventstore/read";

/**
 * What an older store or another writer may hold (ingestion refuses it): an event nested past
 * SQLite's JSON depth of 1,000, written straight into the events table as a copy of a stored
 * event with a new id, stream and data. Answers its position.
 */
export async function insertUnfoldableEvent(store: Store, templatePosition: number, eventId: string, depth = 1_200): Promise<number> {
  const deep = "[".repeat(depth) + "]".repeat(depth);
  const data = dialectOf(store.target.provider).jsonParam(deep);
  await store.db.$executeRaw(sql`INSERT INTO "events" ("source", "event_id", "stream", "stream_version", "type", "specversion", "time",
      "occurred_at", "recorded_at", "userid", "anonymousid", "sessionid", "data_json", "content_hash", "datacontenttype")
    SELECT "source", ${eventId}, ${`unfoldable/${eventId}`}, 1, "type", "specversion", "time", "occurred_at", "recorded_at", "userid",
      "anonymousid", "sessionid", ${data}, "content_hash", "datacontenttype"
    FROM "events" WHERE "position" = ${Math.trunc(templatePosition)}`);
  const row = await store.db.storedEvent.findFirstOrThrow({ where: { eventId, stream: `unfoldable/${eventId}` }, select: { position: true } });
  return Number(row.position);
}

/**
 * The same event appended through the store's own door, past ingestion's limits, as a version of
 * Rewind before them would have: content hash and chain link as for any append, so the store
 * still verifies (the e2e store is shared with the integrity tests). Answers its position.
 */
export async function appendUnfoldableEvent(store: Store, templatePosition: number, eventId: string, depth = 1_200): Promise<number> {
  const template = await readEventAt(store, templatePosition);
  if (!template) throw new Error(`no event at position ${templatePosition}`);
  const deep: unknown = JSON.parse("[".repeat(depth) + "]".repeat(depth));
  const [result] = await appendEvents(store, [
    {
      specversion: "1.0",
      id: eventId,
      source: template.source,
      type: template.type,
      subject: `unfoldable/${eventId}`,
      time: template.occurredAt,
      datacontenttype: "application/json",
      dataschema: null,
      data: { kind: "json", value: deep },
      userid: template.userid,
      anonymousid: template.anonymousid,
      sessionid: template.sessionid,
      correlationid: null,
      causationid: null,
      extensions: {},
      expectedVersion: null,
    },
  ]);
  return result!.position;
}
