import { COUNTRIES, FIRST_NAMES, LAST_NAMES, PLATFORMS } from "./catalogue";
import { EVENT_TYPES as T, SOURCES } from "../journeys/booking/booking-events";
import { createPriceBook } from "./price-book";
import { createRandom } from "./random";
import { simulateSession } from "./session-script";
import type { EmittedEvent } from "./session-types";
import { DAY, HOUR, MINUTE, type SimUser, type SimulatedEvent } from "./world-types";

export interface WorldOptions {
  users: number;
  days: number;
  seed: string;
  /** first day of the window, UTC midnight */
  start: Date;
}

export const DEFAULT_WORLD_START = new Date("2026-11-01T00:00:00Z");

function makeUser(index: number, seed: string): SimUser {
  const rng = createRandom(`${seed}:user:${index}`);
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const place = rng.weighted(PLATFORMS.map((p) => [p, p.weight] as const));
  const ascii = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[^a-zA-Z]/g, "")
      .toLowerCase();
  return {
    index,
    id: `usr-${String(index + 1).padStart(5, "0")}`,
    name: `${first} ${last}`,
    email: `${ascii(first)}.${ascii(last)}${index + 1}@example.com`,
    phone: `+44 7${rng.int(100, 999)} ${rng.int(100000, 999999)}`,
    country: rng.weighted(COUNTRIES),
    platform: place.platform,
    device: place.device,
    anonymousId: `anon-${rng.hex(16)}`,
    cardLast4: String(rng.int(0, 9999)).padStart(4, "0"),
  };
}

/** Start times of a user's visits: a few over the window, never overlapping. */
function visitStarts(rng: ReturnType<typeof createRandom>, start: number, days: number): number[] {
  const count = rng.weighted([
    [1, 30],
    [2, 28],
    [3, 20],
    [4, 12],
    [6, 7],
    [9, 3],
  ] as const);
  const hours = [8, 9, 10, 12, 13, 18, 19, 20, 21, 21, 22, 23];
  const starts = Array.from({ length: count }, () => {
    const day = rng.int(0, days - 1);
    return start + day * DAY + rng.pick(hours) * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
  }).sort((a, b) => a - b);
  // At least two hours between visits, so a visit never runs into the next.
  return starts.filter((s, i) => i === 0 || s - starts[i - 1]! > 2 * HOUR);
}

function toWire(e: EmittedEvent): SimulatedEvent["event"] {
  return {
    specversion: "1.0",
    id: e.id,
    source: e.source,
    type: e.type,
    subject: e.subject,
    time: new Date(e.time).toISOString(),
    datacontenttype: "application/json",
    ...e.attributes,
    data: JSON.parse(JSON.stringify(e.data)),
  };
}

/**
 * The holiday-booking reference world, deterministic for a seed: the same options
 * give the same events in the same delivery order. Events are returned in the order they reach
 * the store; some arrive late (payment callbacks especially) and some twice.
 */
export function simulateWorld(options: WorldOptions): SimulatedEvent[] {
  const { users, days, seed } = options;
  const start = options.start.getTime();
  const end = start + days * DAY;
  const out: SimulatedEvent[] = [];
  let seq = 0;
  const deliver = (rng: ReturnType<typeof createRandom>, e: EmittedEvent) => {
    const lateChance = e.source === SOURCES.payment ? 0.12 : 0.03;
    const delay = rng.chance(lateChance) ? rng.int(2, 240) * MINUTE : rng.int(20, 2_000);
    const event = toWire(e);
    out.push({ event, deliveredAt: e.time + delay, seq: seq++ });
    // At-least-once delivery: a few events are sent again, unchanged.
    if (rng.chance(0.015)) out.push({ event, deliveredAt: e.time + delay + rng.int(1, 90) * 1000, seq: seq++ });
  };

  const worldRng = createRandom(`${seed}:world`);
  let priceId = 0;
  const prices = createPriceBook(worldRng, start, end, () => `${seed}-px-${++priceId}`);
  for (const e of prices.events) deliver(worldRng, e);

  for (let index = 0; index < users; index++) {
    const user = makeUser(index, seed);
    const rng = createRandom(`${seed}:visits:${index}`);
    let n = 0;
    const nextId = () => `${seed}-u${index + 1}-${++n}`;
    let bookings = 0;
    // Unique across the world: the user's number and a per-user count, in base 36.
    const nextBookingId = () => `BK-${((index + 1) * 36 + bookings++).toString(36).toUpperCase().padStart(5, "0")}`;
    const starts = visitStarts(rng, start, days);
    const confirmed: { bookingId: string; total: number; time: number }[] = [];
    const seenPrices = new Map<string, number>();
    starts.forEach((visitStart, v) => {
      const session = simulateSession({ rng, user, prices: prices.book, nextId, nextBookingId, firstSession: v === 0, seenPrices }, visitStart);
      for (const e of session.events) if (e.time < end) deliver(rng, e);
      if (session.confirmedBooking) confirmed.push(session.confirmedBooking);
    });
    // After a booking: a few cancel, a few ask for a refund, in a later short visit.
    for (const booking of confirmed) {
      const what = rng.weighted([
        ["keep", 88],
        ["cancel", 6],
        ["refund", 6],
      ] as const);
      if (what === "keep") continue;
      const at = booking.time + rng.int(1, 6) * DAY + rng.int(0, 12) * HOUR;
      if (at >= end) continue;
      const base = { attributes: { userid: user.id, correlationid: booking.bookingId }, subject: `booking/${booking.bookingId}` };
      const signIn: EmittedEvent = {
        ...base,
        subject: `user/${user.id}`,
        attributes: { userid: user.id },
        type: T.userSignedIn,
        source: SOURCES.identity,
        time: at,
        data: { method: "password", platform: user.platform, device: user.device, country: user.country },
        id: nextId(),
      };
      const change: EmittedEvent =
        what === "cancel"
          ? {
              ...base,
              type: T.bookingCancelled,
              source: SOURCES.booking,
              time: at + 3 * MINUTE,
              data: { bookingId: booking.bookingId, reference: booking.bookingId, reason: rng.pick(["change_of_plans", "found_cheaper", "illness"]) },
              id: nextId(),
            }
          : {
              ...base,
              type: T.refundRequested,
              source: SOURCES.booking,
              time: at + 4 * MINUTE,
              data: {
                bookingId: booking.bookingId,
                reference: booking.bookingId,
                amount: booking.total,
                reason: rng.pick(["hotel_not_as_described", "flight_cancelled", "overbooked"]),
              },
              id: nextId(),
            };
      const signOut: EmittedEvent = {
        ...base,
        subject: `user/${user.id}`,
        attributes: { userid: user.id },
        type: T.userSignedOut,
        source: SOURCES.identity,
        time: at + 6 * MINUTE,
        data: {},
        id: nextId(),
      };
      for (const e of [signIn, change, signOut]) deliver(rng, e);
      if (what === "refund" && at + 2 * DAY < end) {
        deliver(rng, {
          type: T.refundIssued,
          source: SOURCES.payment,
          subject: `refund/${booking.bookingId}`,
          time: at + 2 * DAY,
          attributes: { correlationid: booking.bookingId, causationid: change.id },
          data: { bookingId: booking.bookingId, amount: booking.total, currency: "EUR" },
          id: nextId(),
        });
      }
    }
  }
  return out.sort((a, b) => a.deliveredAt - b.deliveredAt || a.seq - b.seq);
}
