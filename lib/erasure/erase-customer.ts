import type { Viewer } from "../access/viewer";
import { toAuditEvent } from "../audit/audit-event";
import type { Store } from "../db/prisma";
import { compactAfterErasure, eventsMentioning, zeroFreedPages } from "../db/scrub-values";
import { appendEvents } from "../eventstore/append";
import { readCustomerEventsPage } from "../eventstore/customer-events";
import { readHeadPosition } from "../eventstore/read";
import type { StoredEvent } from "../generated/sqlite/client";
import { chainLink } from "../integrity/chain";
import { linkBefore } from "../integrity/link-before";
import { livePersonalPaths } from "../journey-store/live-catalog";
import { readPolicy } from "../privacy/policy-store";
import { claimPurge, PurgeBusyError, releasePurge } from "../retention/purge-lock";
import { isRewindEvent } from "../sessions/person";
import { identityOf } from "../users/customer-export";
import { assignReferences } from "../users/user-references";
import { applyErasure } from "./apply-erasure";
import { planArchiveErasure, readArchivedOwn, writeErasedArchives } from "./erase-archives";
import { eraseEvent, type ErasableEvent, type ErasedEvent } from "./erase-event";
import { planErasure } from "./erasure-plan";
import { toErasureEvent } from "./erasure-record";
import { collectPersonalValues, isErasedPerson } from "./personal-values";

/** Another erasure or a retention purge holds the lock (the retention_lock row): nothing was done. */
export class ErasureBusyError extends Error {
  constructor(holder: string) {
    super(`${holder.startsWith("erasure-") ? "another erasure" : "a retention purge"} is running: try again when it has finished`);
    this.name = "ErasureBusyError";
  }
}

export interface ErasureResult {
  reference: string;
  /** the erasure record's position in the store */
  record: number;
  /** events changed: the customer's own, and others' that held one of their values */
  events: number;
  archived: number;
  /** read-model tables in which a row changed */
  tables: string[];
  /** false when SQLite's WAL could not be emptied (a reader held it) */
  compacted: boolean;
}

const PAGE = 500;

async function readOwnEvents(
  store: Store,
  userId: string,
): Promise<{ events: StoredEvent[]; anonymousIds: readonly string[]; correlationIds: readonly string[] }> {
  const who = await identityOf(store, userId);
  const upTo = await readHeadPosition(store);
  const events: StoredEvent[] = [];
  for (let after = 0; ; ) {
    const page = await readCustomerEventsPage(store, who, { after, upTo }, PAGE);
    events.push(...page);
    if (page.length < PAGE) break;
    after = Number(page.at(-1)!.position);
  }
  return { events, anonymousIds: who.anonymousIds, correlationIds: who.correlationIds };
}

const asErasable = (e: StoredEvent): ErasableEvent => ({ ...e, position: Number(e.position) });

/**
 * Erases one customer (docs/erasure.md): their personal values (by the policy, in their events,
 * their stitched and correlated events, their archived ones, and wherever else the same values
 * stand) replaced with "[erased]", their user id with a pseudonym under their reference, in the
 * events, every table of the read models and the retention archives; the erasure record appended
 * to the chain first, so a verify never sees a change nothing vouches for; then the files
 * compacted. One at a time with purges and other erasures, across processes (the retention lock).
 */
export async function eraseCustomer(
  store: Store,
  viewer: Viewer,
  userId: string,
  reason: string,
  options: { now?: Date; archiveDir?: string } = {},
): Promise<ErasureResult> {
  const now = options.now ?? new Date();
  if (isErasedPerson(userId)) throw new Error("that customer was erased already");
  const lockId = `erasure-${now.getTime()}`;
  try {
    await claimPurge(store, lockId, now);
  } catch (error) {
    if (error instanceof PurgeBusyError) throw new ErasureBusyError(error.holder);
    throw error;
  }
  try {
    return await erase(store, viewer, userId, reason, now, options.archiveDir);
  } finally {
    await releasePurge(store, lockId);
  }
}

async function erase(store: Store, viewer: Viewer, userId: string, reason: string, now: Date, archiveDir: string | undefined): Promise<ErasureResult> {
  const provider = store.target.provider;
  const [{ policy }, journeyPaths] = await Promise.all([readPolicy(store), livePersonalPaths(store)]);
  const own = await readOwnEvents(store, userId);
  const reference = (await assignReferences(store.db, provider, [userId], now)).get(userId)!;
  const isOwn = (row: ErasableEvent) =>
    row.userid === userId ||
    (row.userid === null && row.anonymousid !== null && own.anonymousIds.includes(row.anonymousid)) ||
    (row.userid === null && row.anonymousid === null && row.correlationid !== null && own.correlationIds.includes(row.correlationid));
  const archivedOwn = await readArchivedOwn((row) => isOwn(row) && !isRewindEvent(row), archiveDir);
  const personal = collectPersonalValues([...own.events.filter((e) => !isRewindEvent(e)).map(asErasable), ...archivedOwn], policy, { journeyPaths });
  const plan = planErasure({ userId, reference, personal, policy, journeyPaths });

  // Someone else's events holding one of their values; Rewind's own (the audit trail of other
  // customers, other erasure records) are not theirs to rewrite.
  const ownPositions = new Set(own.events.map((e) => Number(e.position)));
  const others = (await eventsMentioning(store.db, provider, plan.looked)).filter((p) => !ownPositions.has(Number(p)));
  const otherEvents = others.length > 0 ? await store.db.storedEvent.findMany({ where: { position: { in: others } }, orderBy: { position: "asc" } }) : [];
  const changes: ErasedEvent[] = [];
  for (const e of own.events) {
    const changed = eraseEvent(asErasable(e), isRewindEvent(e) ? plan.audit : plan.own);
    if (changed) changes.push(changed);
  }
  for (const e of otherEvents.filter((o) => !isRewindEvent(o))) {
    const changed = eraseEvent(asErasable(e), plan.other);
    if (changed) changes.push(changed);
  }
  changes.sort((a, b) => a.position - b.position);
  const archives = await planArchiveErasure(store, plan.looked, isOwn, (row) => (isOwn(row) ? plan.own : plan.other), archiveDir);

  const vouched = [];
  for (const c of changes) {
    const previous = await linkBefore(store, BigInt(c.position));
    // The row as it will be stored: its appended content hash, its stream, version, times and extensions.
    const stored = c.row as unknown as Omit<StoredEvent, "position">;
    const link = stored.chainHash === null ? null : chainLink(previous, stored);
    vouched.push({ position: c.position, before: c.before, after: c.after, previous, link });
  }
  // The reason is free text: the customer's own values are taken out of it too.
  const recordedReason = plan.policy.text(plan.everything.text(reason));
  const [record] = await appendEvents(
    store,
    [toErasureEvent(viewer, { reason: recordedReason, customer: reference, events: vouched, archived: archives.flatMap((a) => a.changes) }, now)],
    now,
  );

  await zeroFreedPages(store.db, provider);
  const swept = await applyErasure(store, plan, userId, changes, record!.position, now);
  writeErasedArchives(archives);
  await appendEvents(store, [
    toAuditEvent(
      viewer,
      {
        action: "customer.erased",
        customer: plan.pseudonym,
        target: `erasure of ${reference} (record at position ${record!.position})`,
        reason: recordedReason,
      },
      now,
    ),
  ]);
  const compacted = await compactAfterErasure(store.db, provider, ["events", ...swept.tables]);
  return {
    reference,
    record: record!.position,
    events: changes.length,
    archived: archives.reduce((n, a) => n + a.changes.length, 0),
    tables: swept.tables,
    compacted,
  };
}
