import type { Store } from "../db/prisma";
import { decodeJson, sql } from "../db/sql";

export interface PurgeInput {
  positions: readonly number[];
  /** the policy's words, as a purge writes them: "search.* kept 90 days (retention policy v3)" */
  rule: string;
  purgeId?: string;
  purgedAt?: Date;
}

/**
 * What a retention purge does to the store, for tests of the read models (the purge itself is
 * lib/retention's): for each position, a tombstone naming the session whose blocks held it, and
 * the event deleted, in one transaction. The read models are not touched: that is the point.
 * Answers how many events it removed.
 */
export async function purgeEvents(store: Store, input: PurgeInput): Promise<number> {
  const purgedAt = input.purgedAt ?? new Date();
  const purgeId = input.purgeId ?? `purge-${purgedAt.getTime()}`;
  const wanted = new Set(input.positions.map(Number));
  return store.db.$transaction(async (tx) => {
    // A write first, so SQLite takes its write lock now: a transaction that reads first and writes
    // after another process committed (the server renews its leader lease every 2 s) fails busy at
    // once instead of waiting (docs/decisions.md, "The append lock and the SQLite writer trap").
    await tx.$executeRaw(sql`UPDATE "retention_lock" SET "id" = "id" WHERE "id" = 1`);
    const holder = new Map<number, string>();
    for (const b of await tx.sessionBlock.findMany({ select: { sessionId: true, positions: true } })) {
      for (const p of decodeJson<number[]>(b.positions)) if (wanted.has(p)) holder.set(p, b.sessionId);
    }
    const events = await tx.storedEvent.findMany({ where: { position: { in: [...wanted].map(BigInt) } } });
    if (events.length === 0) return 0;
    await tx.eventTombstone.createMany({
      data: events.map((e) => ({
        position: e.position,
        source: e.source,
        stream: e.stream,
        streamVersion: e.streamVersion,
        type: e.type,
        contentHash: e.contentHash,
        chainHash: e.chainHash,
        occurredAt: e.occurredAt ?? e.time,
        recordedAt: e.recordedAt,
        sessionId: holder.get(Number(e.position)) ?? null,
        purgeId,
        rule: input.rule,
        purgedAt,
      })),
    });
    const { count } = await tx.storedEvent.deleteMany({ where: { position: { in: events.map((e) => e.position) } } });
    return count;
  });
}
