import { describe, expect, it } from "vitest";
import { EVENT_TYPES as T } from "../journeys/booking/booking-events";
import { simulateWorld } from "./world";

const options = { users: 150, days: 21, seed: "test", start: new Date("2026-06-01T00:00:00Z") };
const world = simulateWorld(options);
const events = world.map((w) => w.event);

/** The last booking-flow event of each booking, by event time: where each flow stopped. */
function flowEnds(): Map<string, string> {
  const flows = new Map<string, { type: string; time: string }[]>();
  for (const e of events) {
    const flow = e.correlationid as string | undefined;
    if (!flow) continue;
    flows.set(flow, [...(flows.get(flow) ?? []), { type: e.type, time: e.time }]);
  }
  const ends = new Map<string, string>();
  for (const [flow, list] of flows) ends.set(flow, list.sort((a, b) => a.time.localeCompare(b.time)).at(-1)!.type);
  return ends;
}

describe("the reference world", () => {
  it("is deterministic: the same seed gives identical events in the same order", () => {
    expect(simulateWorld(options)).toEqual(world);
  });

  it("differs for another seed", () => {
    const other = simulateWorld({ ...options, seed: "other" });
    expect(other.map((w) => w.event.type)).not.toEqual(world.map((w) => w.event.type));
  });

  it("has every way a booking journey can stop, and bookings that complete", () => {
    const ends = new Set(flowEnds().values());
    for (const stop of [
      T.bookingStarted,
      T.travellersAdded,
      T.bookingPriced,
      T.holdExpired,
      T.paymentFailed,
      T.bookingConfirmed,
      T.bookingCancelled,
      T.refundIssued,
    ]) {
      expect(ends, `a flow that stops at ${stop}`).toContain(stop);
    }
  });

  it("has browsing-only visits, sign-outs, expiries and silent endings", () => {
    const types = new Set(events.map((e) => e.type));
    for (const t of [T.userSignedOut, T.sessionExpired, T.offersCompared, T.offerSaved, T.offerRepriced, T.extrasAdded]) {
      expect(types).toContain(t);
    }
    const signIns = events.filter((e) => e.type === T.userSignedIn).length;
    const starts = new Set(events.filter((e) => e.type === T.bookingStarted).map((e) => e.correlationid)).size;
    expect(starts).toBeLessThan(signIns / 2);
  });

  it("links anonymous browsing to the user at sign-in, and mobile apps send a session id", () => {
    const anonymousOnly = events.filter((e) => e.anonymousid && !e.userid);
    expect(anonymousOnly.length).toBeGreaterThan(0);
    const linked = new Set(events.filter((e) => e.anonymousid && e.userid).map((e) => e.anonymousid));
    expect(anonymousOnly.every((e) => linked.has(e.anonymousid))).toBe(true);
    expect(events.some((e) => typeof e.sessionid === "string")).toBe(true);
  });

  it("has payment callbacks with no user, tied to the flow by correlation and causation ids", () => {
    const payments = events.filter((e) => e.type === T.paymentSucceeded);
    expect(payments.length).toBeGreaterThan(0);
    expect(payments.every((e) => !e.userid && e.correlationid && e.causationid)).toBe(true);
  });

  it("delivers some events late and some twice", () => {
    const late = world.filter((w) => w.deliveredAt - Date.parse(w.event.time) > 60_000);
    expect(late.length).toBeGreaterThan(0);
    const ids = events.map((e) => `${e.source} ${e.id}`);
    expect(new Set(ids).size).toBeLessThan(ids.length);
    const delivered = world.map((w) => w.deliveredAt);
    expect(delivered).toEqual([...delivered].sort((a, b) => a - b));
  });

  it("puts personal data where it would be", () => {
    const registered = events.find((e) => e.type === T.userRegistered)!.data as Record<string, string>;
    expect(registered.email).toMatch(/@example\.com$/);
    expect(registered.phone).toMatch(/^\+44 /);
    const paid = events.find((e) => e.type === T.paymentSucceeded)!.data as Record<string, string>;
    expect(paid.cardLast4).toMatch(/^\d{4}$/);
  });

  it("has a price rise between viewing and pricing for some bookings", () => {
    expect(events.some((e) => e.type === T.bookingPriced && (e.data as Record<string, unknown>).previousPricePerPerson)).toBe(true);
  });
});
