import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Figure, summariseAfterDropOff } from "../analytics/after-drop-off";
import { readFollowUps } from "../analytics/read-after-drop-off";
import { importRecords } from "../importer/import-events";
import { EVENT_TYPES as T } from "../journeys/booking/booking-events";
import { bookingJourney } from "../journeys/booking/booking-journey";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { createMasker } from "../privacy/mask";
import { policySchema } from "../privacy/policy";
import { checkFilter } from "../search/check-filter";
import type { SessionSearchFilter } from "../search/filter";
import { rebuildProjections } from "../sessions/projector";
import { simulateWorld } from "../simulate/world";
import { followUpLoop, type RawSession, readRawSessions } from "../testing/follow-up-loop";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { readFigureSessions, readSegmentCohort, segmentJourney } from "./segment-cohort";

/**
 * What came after a segment's sessions, on a seeded world: each kind of segment's sessions (a
 * search by an event's data, an analytics drill-down, a search of every journey followed in one)
 * chosen by hand from the raw rows, then every figure against the plain follow-up loop.
 */
const START = new Date("2026-04-01T00:00:00Z");
const NOW = Date.parse("2026-06-01T00:00:00Z");
const journey = bookingJourney as JourneyDefinition<unknown>;
const masker = createMasker(policySchema.parse(JSON.parse(readFileSync("prisma/personal-data-policy.json", "utf8"))));
const check = async (filter: SessionSearchFilter) =>
  checkFilter(filter, { journey: filter.journey ? journey : null, personalPath: masker.personalPath, mayFindUsers: false });

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

describe.each(testProviders())("what came after a segment on %s", (provider) => {
  let t: TestStore;
  let raw: RawSession[] = [];
  /** session id → the types and data of its events, read from its blocks and the events table */
  const eventsOf = new Map<string, { type: string; data: Record<string, unknown> }[]>();

  beforeAll(async () => {
    t = await createTestStore(provider);
    const world = simulateWorld({ users: 60, days: 40, seed: "segment-follow-up", start: START }).map((w) => w.event);
    // Sessions no journey definition claims (a newsletter read): a segment of every journey, followed in one, must leave them out.
    const newsletters = world
      .filter((_, i) => i % 301 === 0)
      .map((e, i) => ({ ...e, id: `newsletter-${i}`, userid: `reader-${i}`, type: "mail.newsletter.opened", data: {} }));
    await importRecords(t.store, records([...world, ...newsletters].sort((a, b) => String(a.time).localeCompare(String(b.time)))));
    await rebuildProjections(t.store, { now: () => NOW });
    raw = await readRawSessions(t);
    const events = new Map(
      (await t.store.db.storedEvent.findMany({ select: { position: true, type: true, dataJson: true } })).map((e) => [Number(e.position), e]),
    );
    for (const b of await t.store.db.sessionBlock.findMany({ orderBy: [{ sessionId: "asc" }, { block: "asc" }] })) {
      const own = (b.positions as number[]).map((p) => events.get(p)!);
      eventsOf.set(b.sessionId, [
        ...(eventsOf.get(b.sessionId) ?? []),
        ...own.map((e) => ({ type: e.type, data: (e.dataJson ?? {}) as Record<string, unknown> })),
      ]);
    }
  }, 240_000);

  afterAll(async () => t?.dispose());

  /** The segment's cohort and report against the plain loop over the sessions picked by hand; answers what the world exercised. */
  async function compare(query: string, picked: RawSession[]) {
    const cohort = await readSegmentCohort(t.store, { name: "test", query }, journey, check);
    expect(cohort.map((s) => s.id).sort(), query).toEqual(picked.map((s) => s.id).sort());
    const expected = followUpLoop(raw, picked, journey.name);
    const all = await readFollowUps(t.store, journey.name, cohort);
    const summary = summariseAfterDropOff(all, cohort, Number.MAX_SAFE_INTEGER);
    expect(summary.customers).toBe(expected.customers);
    expect(summary.cameBack.map((c) => c.customers)).toEqual([1, 7, 30].map((d) => expected.figures[`back-${d}`]!.length));
    expect(summary.cameBackEver.customers).toBe(expected.figures["back-any"]!.length);
    expect(summary.completedLater.customers).toBe(expected.figures.completed!.length);
    expect(summary.completedLater.medianSeconds).toBe(expected.median);
    expect(new Map(summary.nextPaths.map((p) => [p.key, p.customers]))).toEqual(new Map([...expected.paths].map(([k, ids]) => [k, ids.length])));
    // Each figure's drill-down lists exactly its sessions, one per customer.
    for (const [figure, ids] of Object.entries(expected.figures)) {
      const listed = await readFigureSessions(t.store, journey, cohort, figure as Figure);
      expect(listed.map((s) => s.id).sort(), `${query} ${figure}`).toEqual([...ids].sort());
    }
    return { customers: expected.customers, returned: expected.figures["back-any"]!.length, completed: expected.figures.completed!.length };
  }

  const booking = () => raw.filter((s) => s.journey === journey.name);

  it("follows a search by an event's data: sessions with a declined card", async () => {
    const query = `search=1&journey=holiday-booking&hasType=${T.paymentFailed}&where=data.reason:eq:card_declined`;
    expect(segmentJourney(query)).toBe("holiday-booking");
    const declined = (id: string) => (eventsOf.get(id) ?? []).some((e) => e.type === T.paymentFailed && e.data.reason === "card_declined");
    const seen = await compare(
      query,
      booking().filter((s) => declined(s.id)),
    );
    expect(seen.customers).toBeGreaterThan(3);
    expect(seen.returned).toBeGreaterThan(0);
  });

  it("follows an analytics drill-down: a funnel step's drop-offs for one reason, over some days", async () => {
    const reasons = booking().flatMap((s) => (s.drop ? [s.drop] : []));
    const reason = [...new Set(reasons)].sort((a, b) => reasons.filter((x) => x === b).length - reasons.filter((x) => x === a).length)[0]!;
    const query = `journey=holiday-booking&from=2026-04-05&to=2026-04-25&reason=${reason}&back=funnel`;
    const picked = booking().filter((s) => s.drop === reason && s.day !== null && s.day >= "2026-04-05" && s.day <= "2026-04-25");
    const seen = await compare(query, picked);
    expect(seen.customers).toBeGreaterThan(5);
    expect(seen.returned).toBeGreaterThan(3);
    expect(seen.completed).toBeGreaterThan(0);
  });

  it("follows a search of every journey in the journey chosen", async () => {
    expect(raw.filter((s) => s.journey !== journey.name).length).toBeGreaterThan(5);
    const query = "search=1&minEvents=1";
    expect(segmentJourney(query)).toBeUndefined();
    const seen = await compare(query, booking());
    expect(seen.customers).toBeGreaterThan(30);
  });

  it("refuses a segment built on another segment, and a personal path for a caller without users.find", async () => {
    await expect(
      readSegmentCohort(
        t.store,
        { name: "loop", query: "journey=holiday-booking&segment=3f0e2b9a-1c2d-4e5f-8a9b-0c1d2e3f4a5b&afterDrop=dropped" },
        journey,
        check,
      ),
    ).rejects.toThrow(/built on another segment/);
    await expect(readSegmentCohort(t.store, { name: "p", query: "search=1&hasType=booking.*&where=data.email:exists:true" }, journey, check)).rejects.toThrow(
      /personal/,
    );
  });
});
