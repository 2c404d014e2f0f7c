import { randomBytes } from "node:crypto";
import { yieldToEventLoop } from "../db/event-loop";
import { dialectOf } from "../db/dialect";
import type { Store } from "../db/prisma";
import { sql } from "../db/sql";
import type { StoredEvent } from "../generated/sqlite/client";
import { currentDigest } from "../integrity/verify-store";
import { archiveDir, archivePaths, writeArchive, writeManifest, type Manifest } from "./archive";
import { dueAfter, previewRetention, type RulePreview } from "./due-sql";
import { describeRule } from "./policy";
import { readRetentionPolicy } from "./policy-store";
import { buildingGeneration } from "../sessions/generations";
import { claimPurge, PurgeBusyError, releasePurge } from "./purge-lock";

/** Events per delete transaction: short enough that an appender waiting on the write lock waits little. */
export const PURGE_BATCH = 500;

export interface PurgeResult {
  purgeId: string | null;
  dryRun: boolean;
  policyVersion: number | null;
  /** per rule, what it removed (or, on a dry run, would remove) */
  rules: RulePreview[];
  count: number;
  archive: string | null;
  manifest: string | null;
}

export interface PurgeOptions {
  now?: Date;
  dryRun?: boolean;
  /** REWIND_ARCHIVE_DIR, or ./data/archive */
  dir?: string;
  batch?: number;
}

/**
 * A purge waits while a generation of the read models is being built: the build started with the
 * frozen sessions of its start (copyFrozenSessions), so a session purged after it would be folded
 * again from what remains when it switches in (other ids, other figures). Busy, like another purge:
 * the server's next turn tries again, and one cut off midway is finished by the next run.
 */
export class PurgeWaitsForBuildError extends PurgeBusyError {
  constructor(
    readonly generation: number,
    removed: number,
  ) {
    super(`generation ${generation}`);
    this.name = "PurgeWaitsForBuildError";
    this.message =
      `generation ${generation} of the read models is being built: the purge waits until it is live` +
      `${removed > 0 ? ` (it stopped after ${removed} events; the next run removes the rest)` : ""}; try again then`;
  }
}

async function waitForBuild(store: Store, removed: number): Promise<void> {
  const building = await buildingGeneration(store);
  if (building) throw new PurgeWaitsForBuildError(building.id, removed);
}

const newPurgeId = (now: Date) =>
  `purge-${now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z")}-${randomBytes(3).toString("hex")}`;

/**
 * Applies the retention policy in force: the due events are first written to an archive (fsynced),
 * then, in batches, each replaced by its tombstone (event_tombstones) and deleted, with any dead
 * letter kept for it. It never takes the append lock: ingestion goes on during a purge. A dry run
 * writes nothing and says what would go. The session read models are not touched here (a re-fold
 * reads the tombstones).
 */
export async function purgeRetention(store: Store, options: PurgeOptions = {}): Promise<PurgeResult> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? PURGE_BATCH;
  const current = await readRetentionPolicy(store);
  if (!current) return { purgeId: null, dryRun: options.dryRun ?? false, policyVersion: null, rules: [], count: 0, archive: null, manifest: null };
  const preview = await previewRetention(store, current.policy, current.version, now);
  const base = { dryRun: options.dryRun ?? false, policyVersion: current.version };
  if (options.dryRun) return { ...base, purgeId: null, rules: preview, count: preview.reduce((n, r) => n + r.count, 0), archive: null, manifest: null };

  await waitForBuild(store, 0);
  const purgeId = newPurgeId(now);
  await claimPurge(store, purgeId, now);
  try {
    const due: { position: number; rule: number }[] = [];
    for (let after = 0; ; ) {
      const page = await dueAfter(store, current.policy, now, after, 5_000);
      if (page.length === 0) break;
      due.push(...page);
      after = page[page.length - 1]!.position;
    }
    const counts = new Map<number, { count: number; oldest: Date | null; newest: Date | null }>();
    if (due.length === 0)
      return { ...base, purgeId: null, rules: preview.map((r) => ({ ...r, count: 0, oldest: null, newest: null })), count: 0, archive: null, manifest: null };

    const paths = archivePaths(options.dir ?? archiveDir(), purgeId);
    const rows = new Map<number, StoredEvent>();
    await writeArchive(paths.events, pagesOf(store, due, batch, rows));
    const chainBefore = await currentDigest(store);
    const manifest: Manifest = {
      purgeId,
      createdAt: now.toISOString(),
      policyVersion: current.version,
      count: due.length,
      positions: due.map((d) => d.position),
      events: due.map((d) => ({ position: d.position, contentHash: rows.get(d.position)!.contentHash })),
      chainBefore,
      chainAfter: null,
    };
    // Written (and fsynced) before the first delete; chainAfter is filled in once the events are gone.
    writeManifest(paths.manifest, manifest);

    for (let i = 0; i < due.length; i += batch) {
      // A build started since: stop here, before its copy of the frozen sessions misses this batch's.
      await waitForBuild(store, i);
      const slice = due.slice(i, i + batch);
      const sessions = await sessionsHolding(
        store,
        slice.map((d) => rows.get(d.position)!),
      );
      const purgedAt = new Date();
      const tombstones = slice.map(({ position, rule }) => {
        const e = rows.get(position)!;
        return {
          position: BigInt(position),
          source: e.source,
          stream: e.stream,
          streamVersion: e.streamVersion,
          type: e.type,
          contentHash: e.contentHash,
          chainHash: e.chainHash,
          occurredAt: e.occurredAt,
          recordedAt: e.recordedAt,
          sessionId: sessions.get(position) ?? null,
          purgeId,
          rule: describeRule(current.policy, rule, current.version),
          purgedAt,
        };
      });
      const positions = slice.map((d) => BigInt(d.position));
      // The first statement writes, so SQLite takes its write lock at once (docs/decisions.md,
      // "The append lock and the SQLite writer trap"); the transaction is one batch, never the whole purge.
      await store.db.$transaction([
        store.db.eventTombstone.createMany({ data: tombstones }),
        store.db.storedEvent.deleteMany({ where: { position: { in: positions } } }),
        store.db.deadLetter.deleteMany({ where: { position: { in: positions } } }),
      ]);
      for (const { position, rule } of slice) {
        const seen = counts.get(rule) ?? { count: 0, oldest: null, newest: null };
        const at = rows.get(position)!.recordedAt;
        seen.count += 1;
        if (!seen.oldest || at < seen.oldest) seen.oldest = at;
        if (!seen.newest || at > seen.newest) seen.newest = at;
        counts.set(rule, seen);
      }
      await yieldToEventLoop();
    }
    writeManifest(paths.manifest, { ...manifest, chainAfter: await currentDigest(store) });
    const rules = preview.map((r) => ({ ...r, ...(counts.get(r.index) ?? { count: 0, oldest: null, newest: null }) }));
    return { ...base, purgeId, rules, count: due.length, archive: paths.events, manifest: paths.manifest };
  } finally {
    await releasePurge(store, purgeId);
  }
}

/** The due events' rows, a page at a time, kept in `rows` too (for the manifest and the tombstones). */
async function* pagesOf(store: Store, due: readonly { position: number }[], size: number, rows: Map<number, StoredEvent>) {
  for (let i = 0; i < due.length; i += size) {
    const positions = due.slice(i, i + size).map((d) => BigInt(d.position));
    const page = await store.db.storedEvent.findMany({ where: { position: { in: positions } }, orderBy: { position: "asc" } });
    for (const row of page) rows.set(Number(row.position), row);
    yield page;
  }
}

/**
 * Which live session's blocks hold each event. A session's first_position is its earliest event
 * by time, not its lowest position (an event delivered late is appended after the ones that
 * followed it), so the sessions are narrowed by time instead: one holding an event started at or
 * before it and had its last event at or after it (started_at and last_event_at are the fold's
 * first and last event times); last_position is the highest position a session holds.
 */
async function sessionsHolding(store: Store, events: readonly Pick<StoredEvent, "position" | "occurredAt">[]): Promise<Map<number, string>> {
  const d = dialectOf(store.target.provider);
  const positions = events.map((e) => Number(e.position));
  const wanted = new Set(positions);
  const low = Math.min(...positions);
  const times = events.map((e) => e.occurredAt.getTime());
  const [earliest, latest] = [new Date(Math.min(...times)), new Date(Math.max(...times))];
  const rows = await store.db.$queryRaw<{ session_id: string; value: unknown }[]>(sql`
    SELECT "b"."session_id", "e"."value" FROM "session_blocks" AS "b"
    JOIN "sessions" AS "s" ON "s"."id" = "b"."session_id", ${d.jsonElements(sql`"b"."positions"`, "e", { text: true })}
    WHERE "s"."started_at" <= ${d.timestamp(latest)} AND "s"."last_event_at" >= ${d.timestamp(earliest)} AND "s"."last_position" >= ${BigInt(low)}`);
  const out = new Map<number, string>();
  for (const r of rows) {
    const position = Number(r.value);
    if (wanted.has(position)) out.set(position, r.session_id);
  }
  return out;
}
