import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { maskValue } from "../../lib/privacy/mask";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";

const at = (minutes: number) => new Date(Date.parse("2026-05-01T09:00:00Z") + minutes * 60_000).toISOString();

/** A short booking journey for one user: sign-in, search, booking started, then nothing. */
function journey(tag: string, user: string) {
  const base = (i: number, type: string, minutes: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    cloudEvent({ id: `${tag}-${i}`, source: `/holidays/${type.split(".")[0]}`, type, time: at(minutes), userid: user, data, ...extra });
  return [
    base(1, "identity.user.registered", 0, { name: `Tess ${tag}`, email: `${tag}@example.com` }, { subject: `user/${user}` }),
    base(2, "identity.user.signed_in", 0.1, { platform: "web", device: "desktop", country: "GB" }, { subject: `user/${user}` }),
    base(
      3,
      "search.destinations.searched",
      1,
      { query: "Lisbon", destination: "LIS", checkIn: "2026-06-12", checkOut: "2026-06-19", adults: 2, children: 0 },
      { subject: `search/${user}` },
    ),
    base(
      4,
      "booking.booking.started",
      3,
      {
        bookingId: `BK-${tag}`,
        hotel: "Vista Resort Lisbon",
        package: "half-board",
        checkIn: "2026-06-12",
        checkOut: "2026-06-19",
        adults: 2,
        children: 0,
        pricePerPerson: 700,
      },
      { subject: `booking/BK-${tag}`, correlationid: `BK-${tag}` },
    ),
  ];
}

async function waitForSessions(request: APIRequestContext, user: string, within = 5_000) {
  const started = Date.now();
  for (;;) {
    const res = await request.get(`/api/users/${encodeURIComponent(user)}/sessions`, { headers: serviceAuth });
    const { sessions = [] } = await res.json();
    if (sessions.length > 0 || Date.now() - started > within) return { sessions, waited: Date.now() - started };
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("appended events become a session with its outcome, timeline and snapshots", async ({ request }) => {
  const tag = uniqueTag("ses");
  const user = `u-${tag}`;
  await appendBatch(request, journey(tag, user));
  const { sessions } = await waitForSessions(request, user);
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({
    userId: user,
    eventCount: 4,
    outcome: "abandoned",
    outcomeLabel: "abandoned",
    endReason: "timed_out",
    lastStep: "Started a booking",
  });

  const res = await request.get(`/api/sessions/${sessions[0].id}?from=0&limit=2`, { headers: serviceAuth });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.session.id).toBe(sessions[0].id);
  expect(body.timeline).toMatchObject({ from: 0, count: 2, total: 4 });
  expect(body.timeline.events.map((e: { description: string }) => e.description)).toEqual(["Created an account", "Signed in on the web (desktop)"]);
  const rest = await (await request.get(`/api/sessions/${sessions[0].id}?from=2`, { headers: serviceAuth })).json();
  expect(rest.timeline.events[0].description).toBe("Searched Lisbon, 12–19 Jun 2026, 2 adults");

  // An email matches whole (a part of one finds no one: results are masked, and parts would rebuild it).
  const found = await (await request.get(`/api/users?query=${encodeURIComponent(`${tag.toUpperCase()}@example.com`)}`, { headers: serviceAuth })).json();
  expect(found.users.map((u: { userId: string }) => u.userId)).toEqual([user]);
  const partial = await (await request.get(`/api/users?query=${encodeURIComponent(`${tag}@example`)}`, { headers: serviceAuth })).json();
  expect(partial.users).toEqual([]);
  const byName = await (await request.get(`/api/users?query=${encodeURIComponent(`tess ${tag}`)}`, { headers: serviceAuth })).json();
  expect(byName.users.map((u: { userId: string; displayName: string }) => [u.userId, u.displayName])).toEqual([[user, maskValue(`Tess ${tag}`)]]);
  const byBooking = await (await request.get(`/api/users?query=bk-${tag}`, { headers: serviceAuth })).json();
  expect(byBooking.users[0]).toMatchObject({ userId: user, sessionCount: 1, openBooking: { chosen: { booking: `BK-${tag}` } } });
});

test("events appended by another process (the import command) are picked up within 2 seconds", async ({ request }) => {
  const tag = uniqueTag("ext");
  const user = `u-${tag}`;
  const file = join(mkdtempSync(join(tmpdir(), "rewind-e2e-")), "events.ndjson");
  writeFileSync(
    file,
    journey(tag, user)
      .map((e) => JSON.stringify(e))
      .join("\n"),
  );
  execFileSync("node_modules/.bin/tsx", ["scripts/rewind.ts", "import", file], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./test-results/e2e-store/rewind.db" },
  });
  const { sessions, waited } = await waitForSessions(request, user, 4_000);
  expect(sessions).toHaveLength(1);
  expect(waited).toBeLessThanOrEqual(2_000);
});

test("unknown sessions are 404 and bad parameters 400", async ({ request }) => {
  expect((await request.get("/api/sessions/nope", { headers: serviceAuth })).status()).toBe(404);
  const bad = await request.get("/api/users?query=x", { headers: serviceAuth });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.details).toMatchObject({ parameter: "query" });
  expect((await request.get("/api/users?query=abc")).status()).toBe(401);
});

test("a search that matches more customers than it answers says so", async ({ request }) => {
  const tag = uniqueTag("many");
  const events = Array.from({ length: 22 }, (_, i) =>
    cloudEvent({
      id: `${tag}-${i}`,
      source: "/holidays/search",
      type: "search.destinations.searched",
      subject: `search/${tag}-${i}`,
      userid: `usr-${tag}-${String(i).padStart(2, "0")}`,
      data: { query: "Rome", destination: "ROM" },
    }),
  );
  await appendBatch(request, events);
  await expect(async () => {
    const answer = await (await request.get(`/api/users?query=${encodeURIComponent(`usr-${tag}`)}`, { headers: serviceAuth })).json();
    expect(answer.users).toHaveLength(20);
    expect(answer.more).toBe(true);
  }).toPass({ timeout: 10_000 });
  const exact = await (await request.get(`/api/users?query=${encodeURIComponent(`usr-${tag}-07`)}`, { headers: serviceAuth })).json();
  expect(exact).toMatchObject({ more: false, users: [{ userId: `usr-${tag}-07` }] });
});
