import type { Store } from "../db/prisma";

/**
 * What an older store or another writer may hold (ingestion refuses it): an event nested past
 * SQLite's JSON depth of 1,000, written straight into the events table as a copy of a stored
 * event with a new id, stream and data. Answers its position.
 */
export async function insertUnfoldableEvent(store: Store, templatePosition: number, eventId: string, depth = 1_200): Promise<number> {
  const deep = "[".repeat(depth) + "]".repeat(depth);
  const p = store.target.provider === "sqlite" ? (_: number) => "?" : (n: number) => `$${n}`;
  await store.db.$executeRawUnsafe(
    `INSERT INTO "events" ("source", "event_id", "stream", "stream_version", "type", "specversion", "time", "occurred_at", "recorded_at", "userid", "anonymousid", "sessionid", "data_json", "content_hash", "datacontenttype") ` +
      `SELECT "source", ${p(1)}, ${p(2)}, 1, "type", "specversion", "time", "occurred_at", "recorded_at", "userid", "anonymousid", "sessionid", ${store.target.provider === "sqlite" ? "?" : "$3::jsonb"}, "content_hash", "datacontenttype" ` +
      `FROM "events" WHERE "position" = ${Math.trunc(templatePosition)}`,
    eventId,
    `unfoldable/${eventId}`,
    deep,
  );
  const row = await store.db.storedEvent.findFirstOrThrow({ where: { eventId, stream: `unfoldable/${eventId}` }, select: { position: true } });
  return Number(row.position);
}
