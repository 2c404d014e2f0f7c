import { expect, test, type APIRequestContext } from "@playwright/test";
import { maskValue } from "../../lib/privacy/mask";
import { cloudEvent, serviceAuth, uniqueTag } from "../support/seed";
import { seedUserSession } from "../support/seed-session";
import { builtActions, callAction } from "../support/server-action";
import { signedInAs } from "../support/signed-in";

/** The grant a replay's page load gives its background reads. */
async function grantOf(client: APIRequestContext, sessionId: string): Promise<string> {
  const page = await (await client.get(`/sessions/${encodeURIComponent(sessionId)}`)).text();
  return /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}/.exec(page)![0];
}

test("the replay's background reads need the grant of the viewer's own page load, are masked unless it is a reveal's, and take no key", async ({
  request,
  baseURL,
}) => {
  const name = `Nina ${uniqueTag("grant")}`;
  const seeded = await seedUserSession(request, (user, tag) => [
    cloudEvent({
      id: `${tag}-3`,
      source: "/holidays/identity",
      type: "identity.user.registered",
      subject: `user/${user}`,
      userid: user,
      time: "2026-06-01T10:02:00Z",
      data: { name },
    }),
  ]);
  const other = await seedUserSession(request);
  const agent = await signedInAs("agent", baseURL!);
  const analyst = await signedInAs("analyst", baseURL!);
  const grant = await grantOf(agent, seeded.sessionId);
  const path = (read: string, query: string, sessionId = seeded.sessionId) => `/api/replay/${encodeURIComponent(sessionId)}/${read}?${query}`;

  // With its own grant: each read answers, masked.
  const block = await agent.get(path("block", `block=0&grant=${grant}`));
  expect(block.status()).toBe(200);
  const body = await block.json();
  expect(body).toMatchObject({ block: 0, fromSeq: 0, state: null });
  expect(body.events).toHaveLength(3);
  expect(JSON.stringify(body)).toContain(maskValue(name));
  expect(JSON.stringify(body)).not.toContain(name);
  const tail = await (await agent.get(path("tail", `from=1&grant=${grant}`))).json();
  expect(tail.times).toHaveLength(2);
  expect(tail.session.id).toBe(seeded.sessionId);
  const events = await (await agent.get(path("events", `from=0&grant=${grant}`))).json();
  expect(events.map((e: { type: string }) => e.type)).toEqual(["identity.user.signed_in", "search.destinations.searched", "identity.user.registered"]);
  expect(JSON.stringify(events)).not.toContain(name);

  // Another viewer's grant, one for another session, or none that verifies: 403. A key is nobody here: 401.
  for (const [client, query, sessionId] of [
    [agent, `block=0&grant=${await grantOf(analyst, seeded.sessionId)}`, seeded.sessionId],
    [agent, `block=0&grant=${grant}`, other.sessionId],
    [agent, "block=0&grant=not-a-grant", seeded.sessionId],
  ] as const) {
    expect((await client.get(path("block", query, sessionId))).status(), query).toBe(403);
  }
  expect((await request.get(path("block", `block=0&grant=${grant}`), { headers: serviceAuth })).status()).toBe(401);
  expect((await request.get(path("block", `block=0&grant=${grant}`))).status()).toBe(401);
  // A parameter missing or out of range: 400, naming it.
  const missing = await agent.get(path("block", `grant=${grant}`));
  expect(missing.status()).toBe(400);
  expect((await missing.json()).error.details).toEqual({ parameter: "block" });
  expect((await agent.get(path("tail", `from=-1&grant=${grant}`))).status()).toBe(400);

  // After a reveal with a reason, its grant reads the session as stored.
  const reveal = builtActions().get("lib/actions/reveal.ts#revealSessionAction")!;
  const revealed = await callAction(agent, baseURL!, reveal.route.replace("[sessionId]", encodeURIComponent(seeded.sessionId)), reveal.id, [
    seeded.sessionId,
    "TICKET-7",
  ]);
  const revealGrant = (revealed.result as { value: { grant: string } }).value.grant;
  expect(JSON.stringify(await (await agent.get(path("block", `block=0&grant=${revealGrant}`))).json())).toContain(name);
  // Bound to the viewer it was given to: nobody else reads with it.
  expect((await analyst.get(path("block", `block=0&grant=${revealGrant}`))).status()).toBe(403);
});

test("the dashboard's own reads come from Rewind's pages only: another site's request with the sign-in is refused", async ({ request, baseURL }) => {
  const seeded = await seedUserSession(request);
  const auditor = await signedInAs("auditor", baseURL!);
  const grant = await grantOf(auditor, seeded.sessionId);
  const id = encodeURIComponent(seeded.sessionId);
  for (const path of [
    `/api/replay/${id}/block?block=0&grant=${grant}`,
    `/api/replay/${id}/tail?from=0&grant=${grant}`,
    `/api/replay/${id}/events?from=0&grant=${grant}`,
    "/api/explorer/newer?after=0",
    "/api/explorer/older?before=1",
  ]) {
    for (const site of ["cross-site", "same-site"]) {
      expect((await auditor.get(path, { headers: { "sec-fetch-site": site } })).status(), `${path} from ${site}`).toBe(403);
    }
    expect((await auditor.get(path, { headers: { "sec-fetch-site": "same-origin" } })).status(), `${path} from Rewind`).toBe(200);
  }
});

test("the explorer's tail and older pages read through its filter, as tolerantly as the page", async ({ request, baseURL }) => {
  const seeded = await seedUserSession(request);
  const auditor = await signedInAs("auditor", baseURL!);
  // This user's own events (not the audit trail of looking at them), by a type pattern.
  const user = `${encodeURIComponent(seeded.user)}&type=${encodeURIComponent("identity.*,search.*")}`;
  // Everything after position 0, newest first; a bound that is not a date is ignored, as on the page.
  const newer = await (await auditor.get(`/api/explorer/newer?after=0&user=${user}&from=not-a-date`)).json();
  expect(newer.events.map((e: { type: string }) => e.type)).toEqual(["search.destinations.searched", "identity.user.signed_in"]);
  expect(newer.head).toBeGreaterThan(0);
  const newest = newer.events[0].position as number;
  const older = await (await auditor.get(`/api/explorer/older?before=${newest}&user=${user}`)).json();
  expect(older).toMatchObject({ hasOlder: false });
  expect(older.events.map((e: { type: string }) => e.type)).toEqual(["identity.user.signed_in"]);
  // Nothing newer than the head; a cursor missing or a filter over 500 characters: 400.
  expect((await (await auditor.get(`/api/explorer/newer?after=${newer.head}&user=${user}`)).json()).events).toEqual([]);
  expect((await auditor.get(`/api/explorer/older?user=${user}`)).status()).toBe(400);
  expect((await auditor.get(`/api/explorer/newer?after=0&user=${"x".repeat(501)}`)).status()).toBe(400);
  // An agent may not explore the raw store.
  expect((await (await signedInAs("agent", baseURL!)).get("/api/explorer/newer?after=0")).status()).toBe(403);
});
