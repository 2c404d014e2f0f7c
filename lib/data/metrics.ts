import "server-only";
import { getStore } from "../db/prisma";
import { metrics } from "../observability/metrics";
import { checkStoreHealth } from "./health";

/**
 * The scrape: what counters and histograms hold since this process started, with the gauges read
 * from the store now (the health check's indexed lookups and one more), so a standby node answers
 * them too. Nothing here is personal: positions, counts and seconds.
 */
export async function scrapeMetrics(now: Date = new Date()): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  const store = getStore();
  const health = await checkStoreHealth();
  m.storeUp.set(health ? 1 : 0);
  if (health) {
    const { position, lag, deadLetters, role } = health.projector;
    m.projectorLagEvents.set(lag);
    m.projectorDeadLetters.set(deadLetters);
    m.projectorLeader.set(role === "leader" ? 1 : 0);
    // The oldest event not yet folded: how long it has waited is how far behind the read models are in time.
    const oldest =
      lag > 0
        ? await store.db.storedEvent
            .findFirst({ where: { position: { gt: BigInt(position) } }, orderBy: { position: "asc" }, select: { recordedAt: true } })
            .catch(() => null)
        : null;
    m.projectorLagSeconds.set(oldest ? Math.max(0, (now.getTime() - oldest.recordedAt.getTime()) / 1000) : 0);
  }
  const pool = store.poolUse?.();
  if (pool) {
    m.dbPoolConnections.set({ state: "total" }, pool.total);
    m.dbPoolConnections.set({ state: "idle" }, pool.idle);
    m.dbPoolConnections.set({ state: "waiting" }, pool.waiting);
  }
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
