import { dialectOf } from "./dialect";
import type { Store } from "./prisma";
import { raw, type Provider } from "./sql";

/**
 * The trigger that refuses updates to events, as migrations 0001 and 0033 leave it on each provider
 * (an erasure's own transaction alone gets through, by opening its window: lib/db/scrub-values.ts).
 */
const GUARD: Record<Provider, string> = {
  sqlite: `CREATE TRIGGER "events_no_update" BEFORE UPDATE ON "events" WHEN NOT EXISTS (SELECT 1 FROM "erasure_window")
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;`,
  postgresql: `CREATE TRIGGER "events_no_update" BEFORE UPDATE ON "events" FOR EACH ROW EXECUTE FUNCTION "events_refuse_update"()`,
};

/**
 * What someone with the database's own rights can do (the integrity tests play them): lift the
 * guard against updates to events, and put it back.
 */
export async function liftUpdateGuard(store: Store): Promise<void> {
  await store.db.$executeRaw(dialectOf(store.target.provider).dropTrigger("events_no_update", "events"));
}

export async function restoreUpdateGuard(store: Store): Promise<void> {
  await store.db.$executeRaw(raw(GUARD[store.target.provider]));
}
