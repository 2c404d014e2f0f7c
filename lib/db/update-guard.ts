import { dialectOf } from "./dialect";
import type { Store } from "./prisma";
import { raw, type Provider } from "./sql";

/** The trigger that refuses updates to events, as migration 0001 creates it on each provider. */
const GUARD: Record<Provider, string> = {
  sqlite: `CREATE TRIGGER "events_no_update" BEFORE UPDATE ON "events" BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;`,
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
