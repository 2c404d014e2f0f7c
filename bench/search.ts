import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDatabaseUrl } from "../lib/db/database-url";
import { openStore, type Store } from "../lib/db/prisma";
import { sql } from "../lib/db/sql";
import { EVENT_TYPES as T } from "../lib/journeys/booking/booking-events";
import { bookingJourney } from "../lib/journeys/booking/booking-journey";
import { checkFilter } from "../lib/search/check-filter";
import { parseSearchQuery } from "../lib/search/query";
import { searchSessionsWithTotal } from "../lib/search/search-sessions";
import { rebuildProjections } from "../lib/sessions/projector";
import { fmt, median } from "./stats";
import { worldStore } from "./world-store";

const ROUNDS = 5;
// The analytics bench's 1M-event world: 30,000 users over June 2026, folded a fortnight later.
const START = new Date("2026-06-01T00:00:00Z");
const NOW = Date.parse("2026-07-15T00:00:00Z");

const QUESTIONS = [
  {
    label: "card_declined",
    words: "sessions of the last 30 days with a payment.payment.failed whose data.reason is card_declined",
    query: `from=2026-06-01&to=2026-06-30&hasType=${T.paymentFailed}&where=data.reason:eq:card_declined`,
    // By hand: every session of the days, its events through its blocks, the one kind of event.
    hand: sql`SELECT DISTINCT s."id", s."started_at" FROM "sessions" s CROSS JOIN "session_blocks" b ON b."session_id" = s."id"
      CROSS JOIN json_each(b."positions") p CROSS JOIN "events" e ON e."position" = p."value"
      WHERE s."analytics_day" BETWEEN '2026-06-01' AND '2026-06-30' AND e."type" = ${T.paymentFailed}
        AND json_extract(e."data_json", '$.reason') = 'card_declined'
      ORDER BY s."started_at" DESC, s."id" ASC`,
  },
  {
    label: "priced-not-payment",
    words: "sessions that reached pricing and not payment",
    query: "journey=holiday-booking&reached=priced&notReached=payment",
    // By hand: the facts' reachedAt by funnel index (4: priced, 5: payment).
    hand: sql`SELECT s."id" FROM "sessions" s WHERE s."journey" = 'holiday-booking'
      AND json_extract(s."analytics", '$.reachedAt[4]') IS NOT NULL AND json_extract(s."analytics", '$.reachedAt[5]') IS NULL
      ORDER BY s."started_at" DESC, s."id" ASC`,
  },
];

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

/** What GET /api/sessions asks of the store (the page of 50, its first matches and the exact total), before masking. */
function ours(store: Store, query: string) {
  const request = parseSearchQuery(new URLSearchParams(query));
  const filter = checkFilter(request.filter, { journey: request.filter.journey ? bookingJourney : null, personalPath: () => false, mayFindUsers: false });
  return searchSessionsWithTotal(store, filter, request);
}

/**
 * The two questions on the 1M-event bench world, through lib/search and as one hand-written
 * SQL query each (every match, newest first: the total and the page follow from it), interleaved,
 * medians. `REWIND_BENCH_SEARCH_DB=file:…` reuses a store built before instead of building one.
 */
export async function benchSearch(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rewind-bench-search-"));
  try {
    let store: Store;
    if (process.env.REWIND_BENCH_SEARCH_DB) {
      store = openStore(parseDatabaseUrl(process.env.REWIND_BENCH_SEARCH_DB));
    } else {
      console.log("search: building the 1M-event world (30,000 users, 30 days, rebuilt read models; several minutes)…");
      store = (await worldStore(dir, "large", { users: 30_000, seed: "analytics-bench", start: START })).store;
      await rebuildProjections(store, { now: () => NOW });
    }
    const events = await store.db.storedEvent.count();
    console.log(`search: ${fmt(events)} events, ${fmt(await store.db.session.count())} sessions`);
    for (const q of QUESTIONS) {
      const times = { ours: [] as number[], hand: [] as number[] };
      const [, answer] = await timed(() => ours(store, q.query));
      const [, byHand] = await timed(() => store.db.$queryRaw<{ id: string }[]>(q.hand));
      // The same sessions, or the ratio means nothing.
      if (answer.total !== byHand.length || answer.sessions.some((s, i) => s.session.id !== byHand[i]?.id)) {
        throw new Error(`${q.label}: lib/search answered ${answer.total}, the hand-written query ${byHand.length}`);
      }
      for (let i = 0; i < ROUNDS; i++) {
        const order = i % 2 === 0 ? (["ours", "hand"] as const) : (["hand", "ours"] as const);
        for (const which of order) times[which].push((await timed(() => (which === "ours" ? ours(store, q.query) : store.db.$queryRaw(q.hand))))[0]);
      }
      const [o, h] = [median(times.ours), median(times.hand)];
      console.log(`${q.words}: ${fmt(answer.total)} sessions; median lib/search ${o.toFixed(1)} ms, hand-written SQL ${h.toFixed(1)} ms`);
      console.log(`ratio ${q.label}: ${(h / o).toFixed(3)}`);
    }
    await store.db.$disconnect();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
