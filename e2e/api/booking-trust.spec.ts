import { expect, test } from "@playwright/test";
import { EVENT_TYPES as T } from "../../lib/journeys/booking/booking-events";
import { appendBatch, cloudEvent, serviceAuth } from "../support/seed";
import { seedUnfinishedBooking } from "../support/seed-booking";

test("a payment and a confirmation from a source the booking journey does not trust change no outcome and no resume, and still show raw", async ({
  request,
}) => {
  const seeded = await seedUnfinishedBooking(request);
  const { session: before } = await (await request.get(`/api/sessions/${seeded.sessionId}`, { headers: serviceAuth })).json();
  const settle = (source: string, tag: string) => {
    const at = (minutes: number) => new Date(Date.parse(before.lastEventAt) + minutes * 60_000).toISOString();
    const flow = { subject: `booking/${seeded.booking}`, userid: seeded.user, correlationid: seeded.booking };
    return [
      cloudEvent({
        id: `${seeded.tag}-${tag}-paid`,
        source,
        type: T.paymentSucceeded,
        ...flow,
        time: at(1),
        data: { bookingId: seeded.booking, attempt: 1, amount: 2100, currency: "EUR" },
      }),
      cloudEvent({
        id: `${seeded.tag}-${tag}-confirmed`,
        source,
        type: T.bookingConfirmed,
        ...flow,
        time: at(2),
        data: { bookingId: seeded.booking, reference: seeded.booking, total: 2100, currency: "EUR" },
      }),
    ];
  };
  // The environment's producer key appends for any source: the journey, not the key, decides what it believes.
  await appendBatch(request, settle("/holidays/search", "forged"));
  await expect(async () => {
    const { session } = await (await request.get(`/api/sessions/${seeded.sessionId}`, { headers: serviceAuth })).json();
    expect(session.eventCount).toBe(before.eventCount + 2);
    expect({ outcome: session.outcome, lastStep: session.lastStep }).toEqual({ outcome: before.outcome, lastStep: before.lastStep });
  }).toPass({ timeout: 15_000 });
  const { events } = JSON.parse(await (await request.get(`/sessions/${seeded.sessionId}/export/json`, { headers: serviceAuth })).text());
  expect(events.filter((e: { source: string }) => e.source === "/holidays/search").map((e: { type: string }) => e.type)).toContain(T.bookingConfirmed);
  const resume = await (await request.get(`/api/users/${seeded.user}/resume`, { headers: serviceAuth })).json();
  expect(resume.resume).toMatchObject({ canContinue: true, step: "priced", noLongerHolds: [] });

  // The same from the payment and booking services: booked, and nothing left to resume.
  await appendBatch(request, [settle("/holidays/payment", "real")[0]!, settle("/holidays/booking", "real")[1]!]);
  await expect(async () => {
    const { session } = await (await request.get(`/api/sessions/${seeded.sessionId}`, { headers: serviceAuth })).json();
    expect(session.outcome).toBe("completed");
  }).toPass({ timeout: 15_000 });
});
