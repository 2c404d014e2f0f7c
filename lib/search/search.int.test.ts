import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../importer/import-events";
import { EVENT_TYPES as T } from "../journeys/booking/booking-events";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { createMasker } from "../privacy/mask";
import { policySchema } from "../privacy/policy";
import { rebuildProjections } from "../sessions/projector";
import { simulateWorld } from "../simulate/world";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { checkFilter } from "./check-filter";
import { parseSearchQuery } from "./query";
import { countSessions, countSessionsByDay, searchSessions, searchSessionsWithTotal } from "./search-sessions";

const START = new Date("2026-05-01T00:00:00Z");
const NOW = Date.parse("2026-05-20T00:00:00Z");
const masker = createMasker(policySchema.parse(JSON.parse(readFileSync("prisma/personal-data-policy.json", "utf8"))));
// The funnel step each type stands for (lib/analytics/analytics.int.test.ts reads the funnel the same way).
const STEP_OF: Record<string, string> = {
  [T.destinationsSearched]: "search",
  [T.offerViewed]: "view_offer",
  [T.bookingStarted]: "start_booking",
  [T.travellersAdded]: "travellers_extras",
  [T.extrasAdded]: "travellers_extras",
  [T.bookingPriced]: "priced",
  [T.paymentFailed]: "payment",
  [T.paymentSucceeded]: "payment",
  [T.bookingConfirmed]: "confirmed",
};

type Ev = { position: number; type: string; data: Record<string, unknown> };
type Row = { id: string; journey: string; startedAt: number; day: string; outcome: string; dropReason: string | null; events: Ev[] };

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

describe.each(testProviders())("session search on %s", (provider) => {
  let t: TestStore;
  const rows: Row[] = [];
  const ask = (query: string, mayFindUsers = false) => {
    const { filter } = parseSearchQuery(new URLSearchParams(query));
    return checkFilter(filter, { journey: filter.journey ? bookingJourney : null, personalPath: masker.personalPath, mayFindUsers });
  };
  const total = (query: string, mayFindUsers = false) => countSessions(t.store, ask(query, mayFindUsers));

  beforeAll(async () => {
    t = await createTestStore(provider);
    await importRecords(t.store, records(simulateWorld({ users: 60, days: 10, seed: "search", start: START }).map((w) => w.event)));
    await rebuildProjections(t.store, { now: () => NOW });
    // Every session with its events in session order, by plain reads: the independent route.
    const sessions = await t.store.db.session.findMany({ select: { id: true, journey: true, startedAt: true, outcome: true, dropReason: true } });
    const events = new Map(
      (await t.store.db.storedEvent.findMany({ select: { position: true, type: true, dataJson: true } })).map((e) => [Number(e.position), e]),
    );
    for (const s of sessions) {
      const blocks = await t.store.db.sessionBlock.findMany({ where: { sessionId: s.id }, orderBy: { block: "asc" } });
      const own = blocks.flatMap((b) => b.positions as number[]).map((p) => events.get(p)!);
      rows.push({
        id: s.id,
        journey: s.journey,
        startedAt: s.startedAt.getTime(),
        day: s.startedAt.toISOString().slice(0, 10),
        outcome: s.outcome,
        dropReason: s.dropReason,
        events: own.map((e) => ({ position: Number(e.position), type: e.type, data: (e.dataJson ?? {}) as Record<string, unknown> })),
      });
    }
  }, 240_000);

  afterAll(async () => t?.dispose());

  const booking = () => rows.filter((r) => r.journey === "holiday-booking");
  const reached = (r: Row, step: string) => r.events.some((e) => STEP_OF[e.type] === step);

  it("has a world worth searching", () => {
    expect(booking().length).toBeGreaterThan(100);
    expect(booking().filter((r) => r.events.some((e) => e.type === T.paymentFailed && e.data.reason === "card_declined")).length).toBeGreaterThan(2);
  });

  it("counts every session-level filter as a plain loop does", async () => {
    const days = [...new Set(booking().map((r) => r.day))].sort();
    const [from, to] = [days[2]!, days[5]!];
    expect(await total("")).toBe(rows.length);
    expect(await total("journey=holiday-booking")).toBe(booking().length);
    expect(await total(`journey=holiday-booking&from=${from}&to=${to}`)).toBe(booking().filter((r) => r.day >= from && r.day <= to).length);
    expect(await total("outcome=booked")).toBe(rows.filter((r) => r.outcome === "completed").length);
    expect(await total("outcome=abandoned")).toBe(rows.filter((r) => r.outcome === "abandoned").length);
    expect(await total("journey=holiday-booking&reached=priced&notReached=payment")).toBe(
      booking().filter((r) => reached(r, "priced") && !reached(r, "payment")).length,
    );
    expect(await total("journey=holiday-booking&reached=search&reached=start_booking")).toBe(
      booking().filter((r) => reached(r, "search") && reached(r, "start_booking")).length,
    );
    const reasons = booking().flatMap((r) => (r.dropReason ? [r.dropReason] : []));
    const reason = reasons.sort((a, b) => reasons.filter((x) => x === b).length - reasons.filter((x) => x === a).length)[0]!;
    expect(await total(`journey=holiday-booking&dropReason=${reason}`)).toBe(booking().filter((r) => r.dropReason === reason).length);
    expect(await total("minEvents=20")).toBe(rows.filter((r) => r.events.length >= 20).length);
  });

  it("counts event conditions (one and the same event) as a plain loop does", async () => {
    const count = (test: (e: Ev) => boolean) => rows.filter((r) => r.events.some(test)).length;
    const failed = (e: Ev) => e.type === T.paymentFailed;
    expect(await total(`hasType=${T.paymentFailed}&where=data.reason:eq:card_declined`)).toBe(count((e) => failed(e) && e.data.reason === "card_declined"));
    expect(await total("hasType=payment.*&where=data.amount:gt:1500")).toBe(count((e) => e.type.startsWith("payment.") && (e.data.amount as number) > 1500));
    expect(await total(`hasType=${T.paymentFailed}&where=data.attempt:in:[2,3]&where=data.reason:ne:card_declined`)).toBe(
      count((e) => failed(e) && [2, 3].includes(e.data.attempt as number) && e.data.reason !== "card_declined"),
    );
    expect(await total("hasType=payment.*&where=data.attempt:eq:2")).toBe(count((e) => e.type.startsWith("payment.") && e.data.attempt === 2));
    expect(await total("hasType=booking.*&where=data.offerId:exists:false")).toBe(count((e) => e.type.startsWith("booking.") && e.data.offerId === undefined));
    expect(await total("hasType=*.payment.*&where=data.amount:lt:300")).toBe(
      count((e) => e.type.includes(".payment.") && typeof e.data.amount === "number" && e.data.amount < 300),
    );
    // Without a type, Segment's `identify: ["*"]` could make any field personal: the policy answers for every type.
    expect(() => ask("where=data.amount:lt:300")).toThrow(/data.amount holds personal data/);
    expect(await total(`hasType=${T.paymentFailed}`)).toBe(count(failed));
    // A segment's trend: the same sessions, by start day.
    const byDay = new Map<string, number>();
    for (const r of rows) if (r.events.some(failed)) byDay.set(r.day, (byDay.get(r.day) ?? 0) + 1);
    expect(await countSessionsByDay(t.store, ask(`hasType=${T.paymentFailed}`))).toEqual(
      [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, sessions]) => ({ day, sessions })),
    );
  });

  it("answers each session once across pages, newest first, each at its first matching event", async () => {
    const query = `hasType=payment.*&where=data.attempt:exists:true&limit=7`;
    const expected = rows
      .filter((r) => r.events.some((e) => e.type.startsWith("payment.") && e.data.attempt !== undefined))
      .sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? -1 : 1));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const request = parseSearchQuery(new URLSearchParams(`${query}${cursor ? `&cursor=${cursor}` : ""}`));
      const checked = checkFilter(request.filter, { journey: null, personalPath: masker.personalPath, mayFindUsers: false });
      const page = await searchSessionsWithTotal(t.store, checked, request);
      expect(page.total).toBe(expected.length);
      for (const { session, firstMatch } of page.sessions) {
        seen.push(session.id);
        const row = rows.find((r) => r.id === session.id)!;
        const at = row.events.findIndex((e) => e.type.startsWith("payment.") && e.data.attempt !== undefined);
        expect(firstMatch).toEqual({ seq: row.events[at]!.position, position: at });
      }
      expect(page.sessions.length).toBeLessThanOrEqual(7);
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(expected.map((r) => r.id));
    expect(new Set(seen).size).toBe(seen.length);
    // Without an event condition the page walks the index and counts apart: the same order, once each.
    const all: string[] = [];
    let next: string | undefined;
    do {
      const request = parseSearchQuery(new URLSearchParams(`journey=holiday-booking&limit=50${next ? `&cursor=${next}` : ""}`));
      const page = await searchSessionsWithTotal(t.store, ask("journey=holiday-booking"), request);
      expect(page.total).toBe(booking().length);
      all.push(...page.sessions.map((s) => s.session.id));
      next = page.next;
    } while (next);
    expect(all).toEqual(
      booking()
        .sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? -1 : 1))
        .map((r) => r.id),
    );
  });

  it("starts a search without an event condition at the session's first event", async () => {
    const page = await searchSessions(t.store, ask("journey=holiday-booking"), { limit: 3 });
    for (const { session, firstMatch } of page.sessions) {
      expect(firstMatch).toEqual({ seq: rows.find((r) => r.id === session.id)!.events[0]!.position, position: 0 });
    }
    expect(page.next).toBeDefined();
  });

  it("asks about personal paths only by a whole value, and only for callers who may find customers", async () => {
    expect(() => ask(`hasType=${T.paymentFailed}&where=data.cardLast4:gt:1000`, true)).toThrow(/data.cardLast4 holds personal data: only eq and exists/);
    expect(() => ask(`hasType=${T.paymentFailed}&where=data.cardLast4:lt:1000`, true)).toThrow(/only eq and exists/);
    expect(() => ask(`hasType=${T.paymentFailed}&where=data.cardLast4:ne:1000`, true)).toThrow(/only eq and exists/);
    for (const where of ["data.cardLast4:eq:4242", "data.cardLast4:exists:true"]) {
      try {
        ask(`hasType=${T.paymentFailed}&where=${where}`, false);
        expect.unreachable();
      } catch (error) {
        expect(error).toMatchObject({ code: "forbidden", details: { parameter: "where", path: "data.cardLast4" } });
      }
    }
    // An index does not slip past the policy's travellers[*].name.
    expect(() => ask(`where=data.travellers.0.name:eq:x`, false)).toThrow(/data.travellers.0.name holds personal data/);
    const card = rows.flatMap((r) => r.events).find((e) => e.type === T.paymentFailed)!.data.cardLast4 as string;
    expect(await total(`hasType=${T.paymentFailed}&where=data.cardLast4:eq:${card}`, true)).toBe(
      rows.filter((r) => r.events.some((e) => e.type === T.paymentFailed && e.data.cardLast4 === card)).length,
    );
  });
});
