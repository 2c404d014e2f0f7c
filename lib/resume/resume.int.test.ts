import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../importer/import-events";
import { bookingResume } from "../journeys/booking/booking-resume";
import type { BookingState } from "../journeys/booking/booking-state";
import { rebuildProjections } from "../sessions/projector";
import { EVENT_TYPES as T } from "../journeys/booking/booking-events";
import { simulateWorld } from "../simulate/world";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { readLaterEvents } from "./later-events";
import { createResumeLink, openResumeLink, revokeResumeLink } from "./resume-links";
import { signResumeToken } from "./resume-token";

const START = new Date("2026-06-01T00:00:00Z");
const NOW = Date.parse("2026-06-25T00:00:00Z");

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

describe.each(testProviders())("resume on %s", (provider) => {
  let t: TestStore;
  const world = simulateWorld({ users: 60, days: 14, seed: "resume", start: START }).map((w) => w.event);

  beforeAll(async () => {
    t = await createTestStore(provider);
    await importRecords(t.store, records(world));
    await rebuildProjections(t.store, { now: () => NOW });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("gives every session of the reference world the resume point its events say, and finds every way one stops", async () => {
    const sessions = await t.store.db.session.findMany({ where: { journey: "holiday-booking" } });
    const steps = new Set<string>();
    const changes = new Set<string>();
    const startOf = new Map(world.filter((e) => e.type === T.bookingStarted).map((e) => [e.correlationid as string, e.data as Record<string, unknown>]));
    const today = new Date(NOW).toISOString().slice(0, 10);
    for (const s of sessions) {
      const state = s.finalState as unknown as BookingState;
      const later = await readLaterEvents(t.store, state, { userId: s.userId, lastEventAt: s.lastEventAt });
      const resume = bookingResume(state, later, NOW);
      const closed = state.booking !== null && ["confirmed", "cancelled", "refund_requested", "refunded"].includes(state.booking.status);
      if ((closed && state.step !== "searched" && state.step !== "viewed_offer") || !state.search) {
        expect(resume, s.id).toBeNull();
        continue;
      }
      expect(resume, s.id).not.toBeNull();
      steps.add(resume!.step);
      for (const n of resume!.noLongerHolds) changes.add(n.code);
      const draft = closed ? null : state.booking;
      if (draft) expect(resume!.chosen.bookingId).toBe(draft.bookingId);
      // By another route, a plain loop over the raw events: can this still be continued?
      const flow = draft ? world.filter((e) => e.correlationid === draft.bookingId) : [];
      const flowEnded = flow.some((e) => [T.bookingConfirmed, T.bookingCancelled, T.paymentSucceeded].includes(e.type as never));
      const offerId = draft?.offerId ?? state.lastOffer?.offerId;
      const trip = draft ?? state.search!;
      const bookedSince = world.some((e) => {
        if (
          e.type !== T.bookingConfirmed ||
          e.userid !== s.userId ||
          Date.parse(String(e.time)) < s.lastEventAt.getTime() ||
          e.correlationid === draft?.bookingId
        )
          return false;
        const start = startOf.get(e.correlationid as string);
        return (
          !!start &&
          (start.offerId === offerId || (start.destination === trip.destination && start.checkIn === trip.checkIn && start.checkOut === trip.checkOut))
        );
      });
      const datesPassed = trip.checkIn <= today;
      expect({ session: s.id, canContinue: resume!.canContinue }).toEqual({ session: s.id, canContinue: !flowEnded && !bookedSince && !datesPassed });
    }
    // The world stops in every way the journey knows (every visit views an offer, so none stops at the
    // search alone: the unit tests cover that one); each has its resume point.
    expect([...steps].sort()).toEqual(expect.arrayContaining(["hold_expired", "payment_failed", "priced", "started", "viewed_offer"]));
    expect([...changes]).toEqual(expect.arrayContaining(["hold_expired", "price_changed", "dates_passed"]));
  });

  it("opens a link only with its own token, until it is revoked or expires", async () => {
    const secret = "s3cret";
    const link = await createResumeLink(t.store, secret, { userId: "usr-1", sessionId: "s-1", createdBy: "agent@rewind.test", days: 7 }, NOW);
    expect(await openResumeLink(t.store, secret, link.token, NOW + 1000)).toMatchObject({ ok: true, claims: { link: link.id, user: "usr-1", session: "s-1" } });
    expect(await openResumeLink(t.store, "other", link.token, NOW)).toEqual({ ok: false, problem: "tampered" });
    expect(await openResumeLink(t.store, secret, link.token, NOW + 8 * 86_400_000)).toEqual({ ok: false, problem: "expired" });
    const forOther = signResumeToken(secret, { link: link.id, user: "usr-2", session: "s-2", expires: link.expiresAt.getTime() });
    expect(await openResumeLink(t.store, secret, forOther, NOW)).toEqual({ ok: false, problem: "tampered" });
    expect(await openResumeLink(t.store, secret, signResumeToken(secret, { link: "rl_none", user: "usr-1", session: "s-1", expires: NOW * 2 }), NOW)).toEqual({
      ok: false,
      problem: "unknown",
    });
    expect(await revokeResumeLink(t.store, link.id, "agent@rewind.test")).toBe(true);
    expect(await revokeResumeLink(t.store, link.id, "agent@rewind.test")).toBe(false);
    expect(await openResumeLink(t.store, secret, link.token, NOW)).toEqual({ ok: false, problem: "revoked" });
  });
});
