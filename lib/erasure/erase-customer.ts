import type { Viewer } from "../access/viewer";
import { toAuditEvent } from "../audit/audit-event";
import type { Store } from "../db/prisma";
import { sql } from "../db/sql";
import { compactAfterErasure, eventsMentioning, scrubValues, zeroFreedPages } from "../db/scrub-values";
import { appendEvents } from "../eventstore/append";
import { readCustomerEventsPage } from "../eventstore/customer-events";
import { readHeadPosition } from "../eventstore/read";
import type { StoredEvent } from "../generated/sqlite/client";
import { linkBefore } from "../integrity/link-before";
import { livePersonalPaths } from "../journey-store/live-catalog";
import { createMasker } from "../privacy/mask";
import { readPolicy } from "../privacy/policy-store";
import { isRewindEvent } from "../sessions/person";
import { identityOf } from "../users/customer-export";
import { assignReferences } from "../users/user-references";
import { planArchiveErasure, writeErasedArchives } from "./erase-archives";
import { eraseEvent, type ErasableEvent, type ErasedEvent, type EventEraser } from "./erase-event";
import { toErasureEvent } from "./erasure-record";
import { collectPersonalValues, createValueReplacer, ERASED, erasedPerson, isErasedPerson, SEARCHED_MIN_LENGTH } from "./personal-values";

/**
 * Tables an erasure leaves alone: the events (rewritten one by one, each change vouched for),
 * how Rewind itself runs (sign-in, keys, secrets, migrations), what admins configured (policies,
 * journeys, segments) and the ingestion block list, which holds a user id because the business
 * asked Rewind to keep refusing it.
 */
const NOT_SWEPT = new Set([
  "events",
  "auth_users",
  "auth_sessions",
  "auth_accounts",
  "auth_verifications",
  "server_secrets",
  "api_keys",
  "_rewind_migrations",
  "personal_data_policies",
  "retention_policies",
  "journey_definitions",
  "journey_generations",
  "segments",
  "blocked_users",
  "erasure_window",
]);

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
 * their stitched and correlated events, and wherever else the same values stand) replaced with
 * "[erased]", their user id with a pseudonym under their reference, in the events, every table of
 * the read models and the retention archives; the erasure record appended to the chain first, so
 * a verify never sees a change nothing vouches for; then the files compacted.
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
  const provider = store.target.provider;
  const [{ policy }, journeyPaths] = await Promise.all([readPolicy(store), livePersonalPaths(store)]);
  const own = await readOwnEvents(store, userId);
  const reference = (await assignReferences(store.db, provider, [userId], now)).get(userId)!;
  const pseudonym = erasedPerson(reference);

  const personal = collectPersonalValues(own.events.filter((e) => !isRewindEvent(e)).map(asErasable), policy, { journeyPaths });
  const lowerId = userId.toLowerCase();
  const values = [...personal].filter((v) => v.toLowerCase() !== lowerId && v !== pseudonym);
  const everything = createValueReplacer(new Map([[userId, pseudonym], ...values.map((v) => [v, ERASED] as [string, string])]));
  const searchedValues = values.filter((v) => v.length >= SEARCHED_MIN_LENGTH);
  const searched = createValueReplacer(new Map([[userId, pseudonym], ...searchedValues.map((v) => [v, ERASED] as [string, string])]));
  const looked = [userId, ...searchedValues];
  const policyEraser = createMasker(policy, { journeyPaths, replace: () => ERASED });

  const ownPositions = new Set(own.events.map((e) => Number(e.position)));
  const ownEraser: EventEraser = { policy: policyEraser, values: everything };
  const auditEraser: EventEraser = { policy: null, values: everything };
  const otherEraser: EventEraser = { policy: null, values: searched };
  const others = (await eventsMentioning(store.db, provider, looked)).filter((p) => !ownPositions.has(Number(p)));
  const otherEvents = others.length > 0 ? await store.db.storedEvent.findMany({ where: { position: { in: others } }, orderBy: { position: "asc" } }) : [];

  const changes: ErasedEvent[] = [];
  for (const e of own.events) {
    const changed = eraseEvent(asErasable(e), isRewindEvent(e) ? auditEraser : ownEraser);
    if (changed) changes.push(changed);
  }
  for (const e of otherEvents) {
    const changed = eraseEvent(asErasable(e), otherEraser);
    if (changed) changes.push(changed);
  }
  changes.sort((a, b) => a.position - b.position);

  const isOwn = (row: ErasableEvent) =>
    row.userid === userId ||
    (row.userid === null && row.anonymousid !== null && own.anonymousIds.includes(row.anonymousid)) ||
    (row.userid === null && row.anonymousid === null && row.correlationid !== null && own.correlationIds.includes(row.correlationid));
  const archives = await planArchiveErasure(looked, (row) => (isOwn(row) ? ownEraser : otherEraser), options.archiveDir);

  const previous = await Promise.all(changes.map((c) => linkBefore(store, BigInt(c.position))));
  // The reason is free text: the customer's own values are taken out of it too.
  const recordedReason = policyEraser.text(everything.text(reason));
  const [record] = await appendEvents(
    store,
    [
      toErasureEvent(
        viewer,
        {
          reason: recordedReason,
          customer: reference,
          events: changes.map((c, i) => ({ position: c.position, before: c.before, after: c.after, previous: previous[i]! })),
          archived: archives.flatMap((a) => a.changes),
        },
        now,
      ),
    ],
    now,
  );

  await zeroFreedPages(store.db, provider);
  const swept = await store.db.$transaction(
    async (tx) => {
      // The only way past the guard against updates to events, closed again before this commits.
      await tx.$executeRaw(sql`INSERT INTO "erasure_window" ("id", "record") VALUES (1, ${record!.position})`);
      for (const { row } of changes) {
        await tx.storedEvent.update({
          where: { position: BigInt(row.position) },
          data: {
            eventId: row.eventId,
            stream: row.stream,
            subject: row.subject,
            userid: row.userid,
            sessionid: row.sessionid,
            correlationid: row.correlationid,
            causationid: row.causationid,
            dataJson: row.dataJson === null || row.dataJson === undefined ? undefined : (row.dataJson as object),
            dataText: row.dataText,
            dataBase64: row.dataBase64,
            extensions: row.extensions === null || row.extensions === undefined ? undefined : (row.extensions as object),
          },
        });
      }
      await tx.$executeRaw(sql`DELETE FROM "erasure_window"`);
      // A name's pieces ("anna", "berg") and their email are how search found them: nothing to keep
      // under a pseudonym (and erased alike, two would collide).
      await tx.userSearchTerm.deleteMany({ where: { userId, kind: { not: "user" } } });
      const result = await scrubValues(tx, provider, looked, searched.text, NOT_SWEPT);
      // Their events now carry the pseudonym, from which a re-fold would derive other session ids.
      const cause = `erasure record at position ${record!.position}`;
      await tx.$executeRaw(sql`INSERT INTO "frozen_sessions" ("session_id", "cause", "frozen_at")
        SELECT "id", ${cause}, ${now} FROM "sessions" WHERE "person" = ${pseudonym} OR "user_id" = ${pseudonym} ON CONFLICT DO NOTHING`);
      return result;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  writeErasedArchives(archives);

  await appendEvents(store, [
    toAuditEvent(
      viewer,
      { action: "customer.erased", customer: pseudonym, target: `erasure of ${reference} (record at position ${record!.position})`, reason: recordedReason },
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
