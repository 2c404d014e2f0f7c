import { simulateWorld } from "../lib/simulate/world";

const SECONDS = 60;
// The batch size the rate was measured with (bench/ingest.ts), so "half that rate" is half of what it can take.
const BATCH = 5_000;

/** Fresh events for the sustained phase: another world, its ids its own. */
export function lagWorld(): Record<string, unknown>[] {
  const world = simulateWorld({ users: 8_000, days: 30, seed: "bench-lag", start: new Date("2026-08-01T00:00:00Z") });
  const seen = new Set<string>();
  return world
    .map((w) => ({ ...(w.event as Record<string, unknown>), id: `lag-${(w.event as { id: string }).id}` }))
    .filter((e) => !seen.has(e.id as string) && seen.add(e.id as string));
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * Appends at `rate` events/s for a minute (batches of 5,000 on a fixed schedule) while polling the
 * server's health; a batch's lag is from its answer to the moment health says the projector has
 * folded its last position. Answers the median and p99 over batches, in seconds.
 */
export async function sustainedLag(
  url: string,
  events: readonly Record<string, unknown>[],
  rate: number,
  post: (batch: unknown[], url: string) => Promise<{ results: { position: number }[] }>,
): Promise<{ rate: number; seconds: number; batches: number; median: number; p99: number }> {
  const total = Math.min(events.length, Math.floor(rate * SECONDS));
  const waiting: { position: number; at: number }[] = [];
  const lags: number[] = [];
  let folded = 0;
  let sending = true;
  const poll = (async () => {
    while (sending || waiting.length > 0) {
      const health = (await (await fetch(`${url}/api/health`)).json()) as { projector: { position: number } };
      folded = health.projector.position;
      const now = performance.now();
      while (waiting.length > 0 && waiting[0]!.position <= folded) lags.push((now - waiting.shift()!.at) / 1000);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = performance.now();
  for (let sent = 0; sent < total; sent += BATCH) {
    // On schedule: batch k leaves at k × BATCH / rate seconds, however long the last one took.
    const due = started + (sent / rate) * 1000;
    if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
    const { results } = await post(events.slice(sent, sent + BATCH) as unknown[], url);
    waiting.push({ position: Math.max(...results.map((r) => r.position)), at: performance.now() });
  }
  const achieved = Math.round(total / ((performance.now() - started) / 1000));
  sending = false;
  await poll;
  const sorted = [...lags].sort((a, b) => a - b);
  return { rate: achieved, seconds: SECONDS, batches: lags.length, median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
}
