import { expect, test } from "@playwright/test";
import { E2E_RESUME_SECRET } from "../../playwright.config";
import { signResumeToken } from "../../lib/resume/resume-token";
import { EVENT_TYPES as T } from "../../lib/journeys/booking/booking-events";
import { appendBatch, cloudEvent, producerAuth, serviceAuth } from "../support/seed";
import { seedUnfinishedBooking } from "../support/seed-booking";
import { seedUserSession } from "../support/seed-session";

test("the booking system reads the resume state and creates a link with a service key", async ({ request }) => {
  const seeded = await seedUnfinishedBooking(request);
  const state = await request.get(`/api/users/${seeded.user}/resume`, { headers: serviceAuth });
  expect(state.status()).toBe(200);
  const body = await state.json();
  expect(body).toMatchObject({
    userId: seeded.user,
    sessionId: seeded.sessionId,
    resume: {
      canContinue: true,
      step: "priced",
      remaining: ["Pay"],
      noLongerHolds: [],
      chosen: {
        bookingId: seeded.booking,
        offerId: seeded.offer,
        destination: "Lisbon (LIS)",
        destinationCode: "LIS",
        hotel: "Vista Resort Lisbon",
        checkIn: "2027-06-12",
        checkOut: "2027-06-19",
        adults: 2,
        children: 1,
        total: 2100,
        currency: "EUR",
      },
    },
  });
  // The shape every journey answers, the booking journey's draft beside.
  expect(Object.keys(body).sort()).toEqual(["journey", "reference", "resume", "sessionId", "stoppedAt", "userId"]);
  expect(body.journey).toBe("holiday-booking");
  expect(Object.keys(body.resume).sort()).toEqual(["canContinue", "chosen", "facts", "noLongerHolds", "remaining", "step", "stepLabel"]);
  expect(body.resume.facts).toMatchObject({ booking: seeded.booking });
  for (const value of seeded.personal) expect(JSON.stringify(body)).not.toContain(value);

  const created = await request.post("/api/resume-links", { headers: serviceAuth, data: { userId: seeded.user } });
  expect(created.status()).toBe(201);
  const link = await created.json();
  expect(Object.keys(link).sort()).toEqual(["expiresAt", "token", "url"]);
  expect(link.url).toMatch(new RegExp(`/resume/${link.token.replace(/[.-]/g, "\\$&")}$`));
  // Seven days by default.
  expect(Math.abs(Date.parse(link.expiresAt) - Date.now() - 7 * 86_400_000)).toBeLessThan(60_000);
  expect((await request.get(new URL(link.url).pathname)).status()).toBe(200);
});

test("refusals name what is wrong and write nothing", async ({ request }) => {
  const visitor = await seedUserSession(request);
  expect((await request.get(`/api/users/${visitor.user}/resume`, { headers: serviceAuth })).status()).toBe(200);
  const nothing = await request.get(`/api/users/usr-nobody-${Date.now()}/resume`, { headers: serviceAuth });
  expect(nothing.status()).toBe(404);
  expect((await nothing.json()).error.message).toContain("no unfinished journey");
  const bad = await request.post("/api/resume-links", { headers: serviceAuth, data: { user: "x" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: "invalid_request", details: { attribute: "userId" } });
  expect((await request.post("/api/resume-links", { headers: producerAuth, data: { userId: visitor.user } })).status()).toBe(403);
  expect((await request.post("/api/resume-links", { data: { userId: visitor.user } })).status()).toBe(401);
});

test("no link for a booking that was confirmed since: 409 with the reason", async ({ request }) => {
  const seeded = await seedUnfinishedBooking(request);
  // Confirmed the next day, in a visit of its own.
  await appendBatch(request, [
    cloudEvent({
      id: `${seeded.tag}-confirmed`,
      source: "/holidays/booking",
      type: T.bookingConfirmed,
      subject: `booking/${seeded.booking}`,
      userid: seeded.user,
      correlationid: seeded.booking,
      time: new Date().toISOString(),
      data: { bookingId: seeded.booking, reference: seeded.booking, total: 2100, currency: "EUR" },
    }),
  ]);
  const refused = await request.post("/api/resume-links", { headers: serviceAuth, data: { userId: seeded.user, sessionId: seeded.sessionId } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.details.noLongerHolds).toEqual(["booking_confirmed"]);
});

test("tampered, expired, revoked, unknown and another user's tokens are refused with a clear page and no data", async ({ request }) => {
  const seeded = await seedUnfinishedBooking(request);
  const other = await seedUnfinishedBooking(request);
  const { token, url } = await (await request.post("/api/resume-links", { headers: serviceAuth, data: { userId: seeded.user } })).json();
  const otherLink = await (await request.post("/api/resume-links", { headers: serviceAuth, data: { userId: other.user } })).json();
  const [payload, signature] = token.split(".");
  const named = JSON.parse(Buffer.from(payload, "base64url").toString()) as { link: string; expires: number };
  const claims = { ...named, user: seeded.user, session: seeded.sessionId };
  const open = async (t: string) => {
    const response = await request.get(`/resume/${t}`);
    const html = await response.text();
    for (const value of ["Vista Resort Lisbon", seeded.booking, other.booking, seeded.user, ...seeded.personal])
      expect(html, `${t} shows ${value}`).not.toContain(value);
    return { status: response.status(), html };
  };
  const flip = signature[5] === "A" ? "B" : "A";
  const tampered = await open(`${payload}.${signature.slice(0, 5)}${flip}${signature.slice(6)}`);
  expect(tampered.status).toBe(404);
  expect(tampered.html).toContain("This link isn");
  // Another user's link under this token's signature, and this link signed for another user.
  expect((await open(`${otherLink.token.split(".")[0]}.${signature}`)).status).toBe(404);
  expect((await open(signResumeToken(E2E_RESUME_SECRET, { ...claims, user: other.user, session: other.sessionId }))).status).toBe(404);
  expect((await open(signResumeToken(E2E_RESUME_SECRET, { ...claims, link: "rl_never-created" }))).status).toBe(404);
  const expired = await open(signResumeToken(E2E_RESUME_SECRET, { ...claims, expires: Date.now() - 1000 }));
  expect(expired.status).toBe(403);
  expect(expired.html).toContain("This link can no longer be used");

  expect((await request.get(new URL(url).pathname)).status()).toBe(200);
  const links = await request.get(`/api/users/${seeded.user}/resume`, { headers: serviceAuth });
  expect(links.status()).toBe(200);
  const id = claims.link;
  expect((await request.delete(`/api/resume-links/${id}`, { headers: serviceAuth })).status()).toBe(204);
  expect((await request.delete(`/api/resume-links/${id}`, { headers: serviceAuth })).status()).toBe(409);
  const revoked = await open(token);
  expect(revoked.status).toBe(403);
});
