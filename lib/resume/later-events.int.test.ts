import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvents } from "../eventstore/append";
import { initialBookingState, type BookingState } from "../journeys/booking/booking-state";
import { EVENT_TYPES as T, SOURCES } from "../journeys/booking/booking-events";
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
    anEvent({
      id: `${tag}-paid`,
      source,
      type: T.paymentSucceeded,
      subject: `payment/${BK}`,
      correlationid: BK,
      time: at(5),
      data: { kind: "json", value: { bookingId: BK, amount: 1400 } },
    }),
    anEvent({
      id: `${tag}-repriced`,
      source,
      type: T.offerRepriced,
      subject: "offer/OF-T",
      time: at(4),
      data: { kind: "json", value: { offerId: "OF-T", oldPrice: 700, newPrice: 900 } },
    }),
    anEvent({
      id: `${tag}-confirmed`,
      source,
      type: T.bookingConfirmed,
      subject: `booking/${BK}`,
      correlationid: BK,
      userid: USER,
      time: at(6),
      data: { kind: "json", value: { bookingId: BK, reference: `${tag}-REF` } },
    }),
  ];
}

describe.each(testProviders())("what later events a resume believes (%s)", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(() => t.dispose());

  it(
    "given a booking's flow, when another service's key claims its offer repriced, paid and confirmed, " +
      "then the resume still sees an open booking at its price",
    async () => {
      await appendEvents(t.store, settlement(SOURCES.search, "forged"));
      const later = await readLaterEvents(t.store, state, { userId: USER, lastEventAt: LAST_EVENT_AT });
      expect(later).toMatchObject({ bookingOutcome: null, paymentTaken: false, repricings: [] });
    },
  );

  it("when the offers, payment and booking services say so, then it is repriced, paid and confirmed", async () => {
    const [paid, repriced, confirmed] = [
      settlement(SOURCES.payment, "real")[0]!,
      settlement(SOURCES.offers, "real")[1]!,
      settlement(SOURCES.booking, "real")[2]!,
    ];
    await appendEvents(t.store, [repriced, paid, confirmed]);
    const later = await readLaterEvents(t.store, state, { userId: USER, lastEventAt: LAST_EVENT_AT });
    expect(later).toMatchObject({
      bookingOutcome: { type: "confirmed", reference: "real-REF" },
      paymentTaken: true,
      repricings: [{ offerId: "OF-T", newPrice: 900 }],
    });
  });

  it(
    "given the booking's trusted confirmation, when another service's key then floods its correlation id and its offer with 250 events each, " +
      "then the confirmation, the payment and the repricing still count",
    async () => {
      const flooded = { ...state, booking: { bookingId: "BK-FLOOD", offerId: "OF-FLOOD" } } as BookingState;
      const at = (minutes: number) => new Date(LAST_EVENT_AT.getTime() + minutes * 60_000);
      await appendEvents(t.store, [
        anEvent({
          id: "flood-real-paid",
          source: SOURCES.payment,
          type: T.paymentSucceeded,
          subject: "payment/BK-FLOOD",
          correlationid: "BK-FLOOD",
          time: at(5),
          data: { kind: "json", value: { bookingId: "BK-FLOOD", amount: 1400 } },
        }),
        anEvent({
          id: "flood-real-repriced",
          source: SOURCES.offers,
          type: T.offerRepriced,
          subject: "offer/OF-FLOOD",
          time: at(4),
          data: { kind: "json", value: { offerId: "OF-FLOOD", oldPrice: 700, newPrice: 900 } },
        }),
        anEvent({
          id: "flood-real-confirmed",
          source: SOURCES.booking,
          type: T.bookingConfirmed,
          subject: "booking/BK-FLOOD",
          correlationid: "BK-FLOOD",
          time: at(6),
          data: { kind: "json", value: { bookingId: "BK-FLOOD", reference: "FLOOD-REF" } },
        }),
      ]);
      const flood = Array.from({ length: 250 }, (_, i) => [
        anEvent({
          id: `flood-${i}-confirmed`,
          source: SOURCES.search,
          type: T.bookingConfirmed,
          subject: "booking/BK-FLOOD",
          correlationid: "BK-FLOOD",
          time: at(7),
          data: { kind: "json", value: { bookingId: "BK-FLOOD", reference: `FAKE-${i}` } },
        }),
        anEvent({
          id: `flood-${i}-repriced`,
          source: SOURCES.search,
          type: T.offerRepriced,
          subject: "offer/OF-FLOOD",
          time: at(7),
          data: { kind: "json", value: { offerId: "OF-FLOOD", oldPrice: 900, newPrice: 1 } },
        }),
      ]).flat();
      for (let i = 0; i < flood.length; i += 100) await appendEvents(t.store, flood.slice(i, i + 100));
      const later = await readLaterEvents(t.store, flooded, { userId: null, lastEventAt: LAST_EVENT_AT });
      expect(later).toMatchObject({
        bookingOutcome: { type: "confirmed", reference: "FLOOD-REF" },
        paymentTaken: true,
        repricings: [{ offerId: "OF-FLOOD", newPrice: 900 }],
      });
    },
  );
});
