import { expect, type APIRequestContext } from "@playwright/test";
import { EVENT_TYPES as T } from "../../lib/journeys/booking/booking-events";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "./seed";

/**
 * A customer who signed in, searched, looked at an offer, started a booking, added travellers and
 * got a price (held for a day), then left: an unfinished journey to resume.
 */
export async function seedUnfinishedBooking(
  request: APIRequestContext,
  options: { user?: (tag: string) => string; correlation?: (booking: string) => string } = {},
) {
  const tag = uniqueTag("resume");
  const user = options.user?.(tag) ?? `usr-${tag}`;
  const booking = `BK-${tag}`;
  const flow = options.correlation?.(booking) ?? booking;
  const offer = `OF-${tag}`;
  const start = Date.now() - 3 * 3_600_000;
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  const e = (n: number, type: string, subject: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    cloudEvent({ id: `${tag}-${n}`, source: `/holidays/${type.split(".")[0]}`, type, subject, userid: user, time: at(n), data, ...extra });
  await appendBatch(request, [
    e(1, T.userSignedIn, `user/${user}`, { method: "password", platform: "web", device: "mobile", country: "GB" }),
    e(2, T.destinationsSearched, `search/${user}`, {
      query: "Lisbon",
      destination: "LIS",
      checkIn: "2027-06-12",
      checkOut: "2027-06-19",
      nights: 7,
      adults: 2,
      children: 1,
      results: 40,
    }),
    e(3, T.offerViewed, `offer/${offer}`, {
      offerId: offer,
      destination: "LIS",
      hotel: "Vista Resort Lisbon",
      package: "half-board",
      stars: 4,
      pricePerPerson: 700,
      currency: "EUR",
    }),
    e(
      4,
      T.bookingStarted,
      `booking/${booking}`,
      {
        bookingId: booking,
        offerId: offer,
        destination: "LIS",
        hotel: "Vista Resort Lisbon",
        package: "half-board",
        checkIn: "2027-06-12",
        checkOut: "2027-06-19",
        adults: 2,
        children: 1,
        pricePerPerson: 700,
        currency: "EUR",
      },
      { correlationid: flow },
    ),
    e(
      5,
      T.travellersAdded,
      `booking/${booking}`,
      {
        bookingId: booking,
        travellers: [
          { name: "Rosa Resume", dateOfBirth: "1980-01-02" },
          { name: "Raul Resume", dateOfBirth: "1981-02-03" },
          { name: "Rita Resume", dateOfBirth: "2015-03-04" },
        ],
        contact: { email: `${tag}@example.com`, phone: "+44 7700 900456" },
      },
      { correlationid: flow },
    ),
    e(
      6,
      T.bookingPriced,
      `booking/${booking}`,
      { bookingId: booking, offerId: offer, pricePerPerson: 700, total: 2100, currency: "EUR", holdExpiresAt: new Date(Date.now() + 86_400_000).toISOString() },
      { correlationid: flow },
    ),
  ]);
  let sessionId = "";
  await expect(async () => {
    const { sessions } = await (await request.get(`/api/users/${encodeURIComponent(user)}/sessions`, { headers: serviceAuth })).json();
    expect(sessions[0]?.resumePoint).toBeTruthy();
    expect(sessions[0]?.endReason).not.toBe("open");
    sessionId = sessions[0].id;
  }).toPass({ timeout: 15_000 });
  return { tag, user, booking, flow, offer, sessionId, personal: ["Rosa Resume", "Raul Resume", `${tag}@example.com`, "+44 7700 900456", "1980-01-02"] };
}
