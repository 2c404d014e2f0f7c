import type { Store } from "../../db/prisma";
import { builtInCatalog } from "../../journeys/catalog";
import { isRewindEvent } from "../person";
import * as rm from "../projection-store";
import { DEFAULT_TIMEOUT_MS } from "../sessionize";
import { resolveIdentitiesAndOwners } from "./load-identities";
import { frozenPositionsIn } from "../frozen-sessions";
import { loadRefoldScope } from "./load-refold-scope";
import { findTouchedPersons } from "./load-touched";
import { LIVE_TABLES } from "../read-model-tables";
import { stillLive } from "./still-live";
import type { ProjectorOptions } from "./options";
import { readPage } from "./read-page";
import { sessionizePersons } from "./sessionize-persons";
import { writeSessions } from "./write-sessions";
import { writeUsers } from "./write-users";

/**
 * Projects one page of events after the checkpoint into the session read models, in one
 * transaction with the checkpoint, so a crash or a second projector never applies a page twice.
 * Only the persons the page touches are folded again, and for each only the sessions the new
 * (possibly late) events can touch. Answers how many events it read. The phases run in this
 * order, which is also the order the page takes its locks in.
 */
export async function projectNextPage(store: Store, options: ProjectorOptions = {}): Promise<number> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = (options.now ?? Date.now)();
  const provider = store.target.provider;
  const tables = options.tables ?? LIVE_TABLES;
  return store.db.$transaction(
    async (tx) => {
      const page = { tx, provider, tables, store: { ...store, db: tx as never } };
      const checkpoint = await rm.lockAndReadCheckpoint(tx, tables.checkpoint);
      // A retried event is folded where the checkpoint has passed it (always so live, where it was
      // set aside); a generation being built that has not reached it yet folds it in its own page.
      if (options.only !== undefined && checkpoint < options.only) return 0;
      if (!(await stillLive(tx, tables, options))) return 0;
      const deferring = options.deferWhile ? await options.deferWhile(tx) : true;
      const pageOptions = deferring ? options : { ...options, deferredDays: undefined, deferredUsers: undefined };
      const read = await readPage(page, checkpoint, options);
      if (read.length === 0) return 0;
      const events = read.filter((e) => !isRewindEvent(e));
      const identities = await resolveIdentitiesAndOwners(page, events);
      // A frozen session's remaining events stay in it (a generation starts with it copied in): they link identities, never fold.
      const frozen = await frozenPositionsIn(
        page,
        events.map((e) => e.position),
      );
      const folding = frozen.size === 0 ? events : events.filter((e) => !frozen.has(e.position));
      const touched = await findTouchedPersons(page, folding, identities, checkpoint);
      const scope = await loadRefoldScope(page, touched, timeoutMs);
      const { records, aliases } = sessionizePersons({ ...scope, dirty: touched.dirty, timeoutMs, now, catalog: options.catalog ?? builtInCatalog });
      await writeSessions(
        page,
        scope.previous.map((s) => s.id),
        records,
        aliases,
        pageOptions,
      );
      await writeUsers(page, touched, scope.personEvents, pageOptions);
      if (options.only === undefined) await rm.writeCheckpoint(tx, tables.checkpoint, read[read.length - 1]!.position);
      return read.length;
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
}
