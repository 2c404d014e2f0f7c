import type { IncomingEvent } from "../ingest/cloud-event";
import { streamOf } from "../ingest/cloud-event";
import { dialectOf } from "../db/dialect";
import { withEventPartition } from "../db/event-partitions";
import type { Store } from "../db/prisma";
import { sql, type Tx } from "../db/sql";
import { chainLink } from "../integrity/chain";
import { contentHash } from "./canonical";
import { DuplicateIdConflictError, WrongExpectedVersionError } from "./errors";
import { insertRowsDirect } from "./insert-direct";
import { INSERT_CHUNK, insertStatement, type EventRow } from "./insert-rows";
import { storedIdentitiesQuery, streamVersionsQuery, type StoredIdentityRow, type StreamVersionRow } from "./lookups";

export interface AppendResult {
  position: number;
  streamVersion: number;
  duplicate: boolean;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const identity = (source: string, id: string) => `${source}\u0000${id}`;

interface Planned {
  key: string;
  hash: string;
  /** index into the rows to insert, or null when the event is already stored */
  row: number | null;
  position: number | null;
  streamVersion: number;
  duplicate: boolean;
}

/**
 * Appends events atomically: all of them are written, or (on a conflict) none. Re-sent events
 * (same source + id, same content) write nothing and answer their stored position.
 *
 * Every append first updates the single append_lock row. That serialises appenders across
 * connections and processes, so stream versions stay gapless and positions commit in order;
 * on SQLite it takes the write lock before anything is read, which avoids SQLITE_BUSY at
 * COMMIT and the Prisma adapter's lost writes (docs/decisions.md, "The append lock and the
 * SQLite writer trap"). On PostgreSQL the first append of a month makes its partition
 * (lib/db/event-partitions.ts).
 */
export async function appendEvents(store: Store, events: readonly IncomingEvent[], recordedAt: Date = new Date()): Promise<AppendResult[]> {
  if (events.length === 0) return [];
  const hashes = events.map(contentHash);

  return withEventPartition(store, recordedAt, () => appendOnce(store, events, hashes, recordedAt));
}

function appendOnce(store: Store, events: readonly IncomingEvent[], hashes: string[], recordedAt: Date): Promise<AppendResult[]> {
  return store.db.$transaction(
    async (tx) => {
      await tx.appendLock.update({ where: { id: 1 }, data: { appends: { increment: 1 } } });

      const stored = new Map<string, { position: number; streamVersion: number; hash: string }>();
      const keys = [...new Map(events.map((e) => [identity(e.source, e.id), [e.source, e.id] as const])).values()];
      for (const r of await tx.$queryRaw<StoredIdentityRow[]>(storedIdentitiesQuery(dialectOf(store.target.provider), keys))) {
        stored.set(identity(r.source, r.event_id), {
          position: Number(r.position),
          streamVersion: Number(r.stream_version),
          hash: r.content_hash,
        });
      }

      const versions = new Map<string, number>();
      const streams = streamVersionsQuery(dialectOf(store.target.provider), [...new Set(events.map(streamOf))]);
      for (const r of await tx.$queryRaw<StreamVersionRow[]>(streams)) {
        versions.set(r.stream, Number(r.version ?? 0));
      }

      // The chain continues from the newest link: read under the lock, so no append slips between.
      // (Rows without one, written before the chain began or by something other than this code,
      // are skipped here as the verifier skips them: the chain stays whole and they stay named.)
      const [newest] = await tx.$queryRaw<{ chain_hash: string | null }[]>(
        sql`SELECT "chain_hash" FROM "events" WHERE "chain_hash" IS NOT NULL ORDER BY "position" DESC LIMIT 1`,
      );
      let link = newest?.chain_hash ?? null;

      const planned: Planned[] = [];
      const pending = new Map<string, Planned>();
      const rows: EventRow[] = [];
      events.forEach((event, index) => {
        const key = identity(event.source, event.id);
        const hash = hashes[index]!;
        const earlier = stored.get(key) ?? pending.get(key);
        if (earlier) {
          if (earlier.hash !== hash) {
            throw new DuplicateIdConflictError(index, event.source, event.id, "row" in earlier ? null : earlier.position);
          }
          const duplicateOf = pending.get(key);
          planned.push(
            duplicateOf
              ? { ...duplicateOf, duplicate: true }
              : { key, hash, row: null, position: earlier.position, streamVersion: earlier.streamVersion, duplicate: true },
          );
          return;
        }
        const stream = streamOf(event);
        const current = versions.get(stream) ?? 0;
        if (event.expectedVersion !== null && event.expectedVersion !== current) {
          throw new WrongExpectedVersionError(index, stream, event.expectedVersion, current);
        }
        versions.set(stream, current + 1);
        const plan: Planned = { key, hash, row: rows.length, position: null, streamVersion: current + 1, duplicate: false };
        pending.set(key, plan);
        planned.push(plan);
        const extensions = Object.keys(event.extensions).length > 0 ? { ...event.extensions } : null;
        const occurredAt = event.time ?? recordedAt;
        link = chainLink(link, { contentHash: hash, stream, streamVersion: current + 1, recordedAt, occurredAt, extensions });
        rows.push({
          source: event.source,
          eventId: event.id,
          stream,
          streamVersion: current + 1,
          subject: event.subject,
          type: event.type,
          specversion: event.specversion,
          time: event.time,
          occurredAt,
          recordedAt,
          userid: event.userid,
          anonymousid: event.anonymousid,
          sessionid: event.sessionid,
          correlationid: event.correlationid,
          causationid: event.causationid,
          datacontenttype: event.datacontenttype,
          dataschema: event.dataschema,
          dataJson: event.data?.kind === "json" ? event.data.value : undefined,
          dataText: event.data?.kind === "text" ? event.data.value : null,
          dataBase64: event.data?.kind === "base64" ? event.data.value : null,
          extensions,
          contentHash: hash,
          chainHash: link,
        });
      });
      const positions = await insertRows(store, tx, rows);
      for (const plan of planned) plan.position ??= positions.get(plan.key) ?? null;

      return planned.map((plan) => {
        if (plan.position === null) throw new Error("append: an inserted event came back without a position");
        return { position: plan.position, streamVersion: plan.streamVersion, duplicate: plan.duplicate };
      });
    },
    { maxWait: 60_000, timeout: 120_000 },
  );
}

/** Inserts the rows inside the append's transaction; answers their positions by identity. */
async function insertRows(store: Store, tx: Tx, rows: readonly EventRow[]): Promise<Map<string, number>> {
  const positions = new Map<string, number>();
  const connection = store.sqliteConnection?.();
  if (connection) {
    const inserted = insertRowsDirect(connection, rows);
    for (const [i, row] of rows.entries()) positions.set(identity(row.source, row.eventId), inserted[i]!);
    return positions;
  }
  for (const chunk of chunks(rows, INSERT_CHUNK)) {
    const inserted = await tx.$queryRaw<{ position: bigint | number; source: string; event_id: string }[]>(
      insertStatement(dialectOf(store.target.provider), chunk),
    );
    for (const r of inserted) positions.set(identity(r.source, r.event_id), Number(r.position));
  }
  return positions;
}
