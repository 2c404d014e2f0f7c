import { expect, test, type APIRequestContext } from "@playwright/test";
import { ROLES, type Role } from "../../lib/access/roles";
import { EVENT_TYPES as T } from "../../lib/journeys/booking/booking-events";
import { simulateWorld } from "../../lib/simulate/world";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";
import { signedInAs } from "../support/signed-in";

type Data = Record<string, unknown>;

/** The real personal values in a world's events: what must never leave the server masked or not. */
function personalValues(world: { type: string; data?: unknown }[]) {
  const texts = new Set<string>();
  const cards = new Set<string>();
  for (const e of world) {
    const d = (e.data ?? {}) as Data;
    if (e.type === T.userRegistered) for (const v of [d.name, d.email, d.phone]) texts.add(String(v));
    if (e.type === T.travellersAdded) {
      for (const t of d.travellers as Data[]) for (const v of [t.name, t.dateOfBirth]) texts.add(String(v));
      const contact = d.contact as Data;
      for (const v of [contact.email, contact.phone]) texts.add(String(v));
    }
    if (typeof d.cardLast4 === "string") cards.add(d.cardLast4);
  }
  return { texts: [...texts], cards: [...cards] };
}

test("personal data from the reference world is in no API response and no page, for any role or service key", async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const world = simulateWorld({ users: 10, days: 4, seed: "e2e-personal-data", start: new Date("2026-04-06T00:00:00Z") }).map((w) => w.event);
  for (let i = 0; i < world.length; i += 1_000) await appendBatch(request, world.slice(i, i + 1_000));
  const { texts, cards } = personalValues(world);
  expect(texts.length).toBeGreaterThan(20);

  // A customer who registered and booked: their email, their sessions, a booking stream.
  const traveller = world.find((e) => e.type === T.travellersAdded)!;
  const user = traveller.userid as string;
  const email = (world.find((e) => e.type === T.userRegistered && e.userid === user)!.data as Data).email as string;
  const bookingStream = traveller.subject as string;
  let sessionIds: string[] = [];
  await expect(async () => {
    const found = await (await request.get(`/api/users?query=${encodeURIComponent(email)}`, { headers: serviceAuth })).json();
    expect(found.users.map((u: { userId: string }) => u.userId)).toContain(user);
    const { sessions } = await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json();
    sessionIds = sessions.map((s: { id: string }) => s.id);
    expect(sessionIds.length).toBeGreaterThan(0);
  }).toPass({ timeout: 15_000 });

  const pages = [
    `/users?query=${encodeURIComponent(email)}`,
    `/users/${user}`,
    "/sessions",
    ...sessionIds.flatMap((s) => [`/sessions/${s}`, `/sessions/${s}/print`, `/sessions/${s}/export/json`, `/sessions/${s}/export/csv`]),
    `/events?user=${user}`,
    `/events?type=${T.travellersAdded}`,
    `/events?type=${T.userRegistered}`,
    `/flows/${encodeURIComponent(traveller.correlationid as string)}`,
  ];
  const apis = [
    `/api/users?query=${encodeURIComponent(email)}`,
    `/api/users/${user}/sessions`,
    ...sessionIds.map((s) => `/api/sessions/${s}?limit=1000`),
    `/api/streams/${encodeURIComponent(bookingStream)}`,
    `/api/streams/${encodeURIComponent(`user/${user}`)}`,
    ...Array.from({ length: Math.ceil(world.length / 1000) + 1 }, (_, i) => `/api/events?after=${i * 1000}&limit=1000`),
  ];

  const leaks: string[] = [];
  let inspected = 0;
  const inspect = async (who: string, client: APIRequestContext, path: string, headers: Record<string, string> = {}) => {
    const response = await client.get(path, { headers });
    const body = await response.text();
    if (response.status() === 200) inspected++;
    for (const value of texts) if (body.includes(value)) leaks.push(`${who} ${path}: ${value}`);
    for (const card of cards) if (new RegExp(`cardLast4\\\\?"\\s*:\\s*\\\\?"${card}`).test(body)) leaks.push(`${who} ${path}: card ${card}`);
  };
  for (const role of ROLES) {
    const client = await signedInAs(role as Role, baseURL!);
    for (const path of [...pages, ...apis]) await inspect(role, client, path);
  }
  for (const path of apis) await inspect("service key", request, path, serviceAuth);
  expect(leaks).toEqual([]);
  // The check looked at real answers, not only refusals.
  expect(inspected).toBeGreaterThan(80);
});

test("an email in the envelope, as a user id or as a key inside data, leaves no page or API response unmasked", async ({ request, baseURL }) => {
  const email = `${uniqueTag("envelope")}@example.com`;
  const correlation = uniqueTag("envelope-flow");
  const subject = `customer/${email}`;
  const { results } = await appendBatch(request, [
    // No sessionid: a producer's sessionid becomes the session's id, in URLs (left to the reference work).
    cloudEvent({
      id: `evt-${email}`,
      source: `/e2e/${email}`,
      subject,
      userid: email,
      correlationid: correlation,
      causationid: `cause-${email}`,
      dataschema: `https://schemas.test/${email}`,
      data: { [email]: { plan: "gold" }, note: "ok" },
    }),
    cloudEvent({ id: `evt2-${email}`, subject, userid: email, correlationid: correlation, time: "2026-06-01T10:01:00Z", data: { ok: true } }),
  ]);
  let sessionIds: string[] = [];
  await expect(async () => {
    const { sessions } = await (await request.get(`/api/users/${email}/sessions`, { headers: serviceAuth })).json();
    sessionIds = sessions.map((s: { id: string }) => s.id);
    expect(sessionIds.length).toBeGreaterThan(0);
  }).toPass({ timeout: 15_000 });

  const masked = "•••••••.•••"; // the domain, masked
  const stream = await (await request.get(`/api/streams/${encodeURIComponent(subject)}`, { headers: serviceAuth })).json();
  expect(stream.events[0]).toMatchObject({
    subject: expect.stringContaining(masked),
    userid: expect.stringContaining(masked),
    id: expect.stringContaining(masked),
  });
  expect(Object.keys(stream.events[0].data)).toEqual([expect.stringContaining(masked), "note"]);

  const apis = [
    `/api/events?after=${results[0]!.position - 1}&limit=2`,
    `/api/streams/${encodeURIComponent(subject)}`,
    ...sessionIds.map((s) => `/api/sessions/${s}`),
  ];
  const pages = [
    "/sessions",
    `/flows/${encodeURIComponent(correlation)}`,
    ...sessionIds.flatMap((s) => [`/sessions/${s}`, `/sessions/${s}/export/json`, `/sessions/${s}/export/csv`]),
  ];
  const leaks: string[] = [];
  const inspect = async (client: APIRequestContext, path: string, headers: Record<string, string> = {}) => {
    const response = await client.get(path, { headers });
    expect(response.status(), path).toBe(200);
    if ((await response.text()).includes(email.split("@")[0]!)) leaks.push(path);
  };
  for (const path of apis) await inspect(request, path, serviceAuth);
  const admin = await signedInAs("admin", baseURL!);
  for (const path of [...apis, ...pages]) await inspect(admin, path);
  expect(leaks).toEqual([]);
});
