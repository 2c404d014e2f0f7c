import type { Store } from "../db/prisma";
import { scrubValues, type ScrubResult } from "../db/scrub-values";
import { sql } from "../db/sql";
import { contentHashes } from "../integrity/chain";
import type { ErasedEvent } from "./erase-event";
import type { ErasurePlan } from "./erasure-plan";

/**
 * Tables an erasure leaves alone: the events (rewritten one by one, each change vouched for; on
 * PostgreSQL their keys in event_keys follow by trigger, migration 0040),
 * how Rewind itself runs (sign-in, keys, secrets, migrations, leases), what admins configured
 * (policies, journeys, segments) and the ingestion block list, which holds a user id because the
 * business asked Rewind to keep refusing it.
 */
const NOT_SWEPT = new Set([
  "events",
  "event_keys",
  "auth_users",
  "auth_sessions",
  "auth_accounts",
  "auth_verifications",
  "server_secrets",
  "api_keys",
  "_rewind_migrations",
  "personal_data_policies",
  "retention_policies",
  "retention_lock",
  "leases",
  "journey_definitions",
  "journey_generations",
  "segments",
  "blocked_users",
  "erasure_window",
]);

/** An event changed between the erasure's read and its write (another writer got there first): nothing was written. */
export class ErasureConflictError extends Error {
  constructor(position: number) {
    super(`event ${position} changed while the erasure was prepared: nothing was erased; erase again`);
    this.name = "ErasureConflictError";
  }
}

/**
 * The erasure's one transaction: the projector kept out (its checkpoint rows locked, so a page it
 * folds reads what this commits), each event re-read and rewritten only if it still holds what the
 * record vouches it held, then every table swept, their own rows again with every value of theirs
 * and their notes through the policy's detectors, and their sessions frozen.
 */
export async function applyErasure(store: Store, plan: ErasurePlan, userId: string, changes: readonly ErasedEvent[], record: number, now: Date) {
  const provider = store.target.provider;
  return store.db.$transaction(
    async (tx): Promise<ScrubResult> => {
      await tx.$executeRaw(sql`UPDATE "projection_checkpoints" SET "position" = "position"`);
      // The only way past the guard against updates to events, closed again before this commits.
      await tx.$executeRaw(sql`INSERT INTO "erasure_window" ("id", "record") VALUES (1, ${record})`);
      for (const { row, before } of changes) {
        const current = await tx.storedEvent.findUnique({ where: { position: BigInt(row.position) } });
        if (!current || !contentHashes(current).includes(before)) throw new ErasureConflictError(row.position);
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
      const swept = await scrubValues(tx, provider, plan.looked, plan.searched, NOT_SWEPT);
      // Their own rows (those naming the pseudonym now) lose their short values too.
      const short = plan.values.filter((v) => !plan.looked.includes(v));
      const theirs = await scrubValues(tx, provider, short, plan.everything, NOT_SWEPT, { mentioning: plan.pseudonym });
      // Notes on their sessions are about them: the detectors catch what no event held (a new phone number).
      const sessions = (await tx.session.findMany({ where: { OR: [{ person: plan.pseudonym }, { userId: plan.pseudonym }] }, select: { id: true } })).map(
        (s) => s.id,
      );
      for (const note of await tx.note.findMany({ where: { OR: [{ userId: plan.pseudonym }, { sessionId: { in: sessions } }] } })) {
        const text = plan.policy.text(plan.everything.text(note.text));
        if (text !== note.text) await tx.note.update({ where: { id: note.id }, data: { text } });
      }
      // Their events now carry the pseudonym, from which a re-fold would derive other session ids.
      const cause = `erasure record at position ${record}`;
      await tx.$executeRaw(sql`INSERT INTO "frozen_sessions" ("session_id", "cause", "frozen_at")
        SELECT "id", ${cause}, ${now} FROM "sessions" WHERE "person" = ${plan.pseudonym} OR "user_id" = ${plan.pseudonym} ON CONFLICT DO NOTHING`);
      const tables = [...new Set([...swept.tables, ...theirs.tables, "user_search_terms", "notes", "frozen_sessions"])];
      return { tables, rows: swept.rows + theirs.rows };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
