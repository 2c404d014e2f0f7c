import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvents } from "../eventstore/append";
import { initialBookingState, type BookingState } from "../journeys/booking/booking-state";
import { EVENT_TYPES as T, SOURCES } from "../simulate/event-types";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { readLaterEvents } from "./later-events";

const BK = "BK-TRUST";
const USER = "u-trust";
const LAST_EVENT_AT = new Date("2026-06-01T10:10:00Z");
const state = { ...initialBookingState(), booking: { bookingId: BK, offerId: "OF-T" } } as BookingState;

/** A payment of the session's booking, a repricing of its offer and a confirmation, all from `source`. */
function settlement(source: string, tag: string) {
  const at = (minutes: number) => new Date(LAST_EVENT_AT.getTime() + minutes * 60_000);
  return [
    anEvent({ id: `${tag}-paid`, source, type: T.paymentSucceeded, subject: `payment/${BK}`, correlationid: BK, time: at(5), data: { kind: "json", value: { bookingId: BK, amount: 1400 } } }),
    anEvent({ id: `${tag}-repriced`, source, type: T.offerRepriced, subject: "offer/OF-T", time: at(4), data: { kind: "json", value: { offerId: "OF-T", oldPrice: 700, newPrice: 900 } } }),
    anEvent({ id: `${tag}-confirmed`, source, type: T.bookingConfirmed, subject: `booking/${BK}`, correlationid: BK, userid: USER, time: at(6), data: { kind: "json", value: { bookingId: BK, reference: `${tag}-REF` } } }),
  ];
}

describe.each(testProviders())("what later events a resume believes (%s)", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(() => t.dispose());

  it("given a booking's flow, when another service's key claims its offer repriced, paid and confirmed, then the resume still sees an open booking at its price", async () => {
    await appendEvents(t.store, settlement(SOURCES.search, "forged"));
    const later = await readLaterEvents(t.store, state, { userId: USER, lastEventAt: LAST_EVENT_AT });
    expect(later).toMatchObject({ bookingOutcome: null, paymentTaken: false, repricings: [] });
  });

  it("when the offers, payment and booking services say so, then it is repriced, paid and confirmed", async () => {
    const [paid, repriced, confirmed] = [settlement(SOURCES.payment, "real")[0]!, settlement(SOURCES.offers, "real")[1]!, settlement(SOURCES.booking, "real")[2]!];
    await appendEvents(t.store, [repriced, paid, confirmed]);
    const later = await readLaterEvents(t.store, state, { userId: USER, lastEventAt: LAST_EVENT_AT });
    expect(later).toMatchObject({ bookingOutcome: { type: "confirmed", reference: "real-REF" }, paymentTaken: true, repricings: [{ offerId: "OF-T", newPrice: 900 }] });
  });
});
