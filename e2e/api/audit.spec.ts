import { expect, test, type APIRequestContext } from "@playwright/test";
import { cloudEvent, producerAuth, serviceAuth, uniqueTag } from "../support/seed";
import { seedUserSession } from "../support/seed-session";
import { builtActions, callAction, form } from "../support/server-action";
import { signedInAs, viewerIdOf } from "../support/signed-in";

/** The audit events in a viewer's audit stream, by type (read with the service key). */
async function auditCounts(request: APIRequestContext, viewerId: string): Promise<Record<string, number>> {
  const response = await request.get(`/api/streams/${encodeURIComponent(`rewind/audit/${viewerId}`)}?limit=1000`, { headers: serviceAuth });
  if (response.status() === 404) return {};
  const { events } = await response.json();
  const counts: Record<string, number> = {};
  for (const e of events as { type: string }[]) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return counts;
}

test("every audited read leaves exactly one audit event, and sessions never count them", async ({ request, baseURL }) => {
  const seeded = await seedUserSession(request);
  const agent = await signedInAs("agent", baseURL!);
  const viewer = await viewerIdOf(agent);
  const reads: [string, string][] = [
    [`/users/${seeded.user}`, "rewind.audit.customer.viewed"],
    [`/sessions/${seeded.sessionId}`, "rewind.audit.replay.viewed"],
    [`/sessions/${seeded.sessionId}/print`, "rewind.audit.session.exported"],
    [`/sessions/${seeded.sessionId}/export/json`, "rewind.audit.session.exported"],
    [`/sessions/${seeded.sessionId}/export/csv`, "rewind.audit.session.exported"],
    [`/api/sessions/${seeded.sessionId}`, "rewind.audit.replay.viewed"],
    [`/api/users/${seeded.user}/sessions`, "rewind.audit.customer.viewed"],
  ];
  for (const [path, type] of reads) {
    const before = await auditCounts(request, viewer);
    expect((await agent.get(path)).status(), path).toBe(200);
    const after = await auditCounts(request, viewer);
    expect({ path, added: (after[type] ?? 0) - (before[type] ?? 0) }).toEqual({ path, added: 1 });
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total(after) - total(before), `${path} added nothing else`).toBe(1);
  }

  // What the audit event says: who, role, what, when.
  const { events } = await (await request.get(`/api/streams/${encodeURIComponent(`rewind/audit/${viewer}`)}?limit=1000`, { headers: serviceAuth })).json();
  const last = events.at(-1);
  expect(last).toMatchObject({ source: "rewind/audit", type: "rewind.audit.customer.viewed", userid: seeded.user });
  expect(last.data).toMatchObject({ action: "customer.viewed", customer: seeded.user, viewer: { id: viewer, kind: "user", role: "agent" } });
  expect(Date.parse(last.time)).toBeGreaterThan(Date.now() - 60_000);

  // The audit events carry the customer's user id, yet the customer's session still holds only their own two events.
  const { sessions } = await (await request.get(`/api/users/${seeded.user}/sessions`, { headers: serviceAuth })).json();
  expect(sessions).toHaveLength(1);
  expect(sessions[0].eventCount).toBe(2);
});

test("a service key's reads are audited under the key", async ({ request }) => {
  const seeded = await seedUserSession(request);
  const before = await auditCounts(request, "env:REWIND_API_KEY");
  expect((await request.get(`/api/sessions/${seeded.sessionId}`, { headers: serviceAuth })).status()).toBe(200);
  const after = await auditCounts(request, "env:REWIND_API_KEY");
  expect((after["rewind.audit.replay.viewed"] ?? 0) - (before["rewind.audit.replay.viewed"] ?? 0)).toBe(1);
});

test("producers cannot write to the audit stream", async ({ request }) => {
  const head = async () => (await (await request.get("/api/events?after=0&limit=1", { headers: serviceAuth })).json()).events.length;
  expect(await head()).toBeGreaterThanOrEqual(0);
  for (const forged of [
    cloudEvent({ id: uniqueTag("forge"), source: "rewind/audit", type: "rewind.audit.customer.viewed", subject: "rewind/audit/someone" }),
    cloudEvent({ id: uniqueTag("forge"), source: "/holidays/identity", subject: "rewind/audit/someone" }),
  ]) {
    const response = await request.post("/api/events", {
      headers: { ...producerAuth, "content-type": "application/cloudevents+json" },
      data: JSON.stringify(forged),
    });
    expect(response.status()).toBe(403);
  }
  expect((await request.get(`/api/streams/${encodeURIComponent("rewind/audit/someone")}`, { headers: serviceAuth })).status()).toBe(404);
});

test("a look at something that does not exist is a 404 and not on record", async ({ request, baseURL }) => {
  const total = async (viewer: string) => Object.values(await auditCounts(request, viewer)).reduce((a, b) => a + b, 0);
  const none = encodeURIComponent(`nobody-${uniqueTag("absent")}`);
  const agent = await signedInAs("agent", baseURL!);
  const agentId = await viewerIdOf(agent);
  const before = await total(agentId);
  for (const path of [
    `/api/users/${none}/sessions`,
    `/api/users/${none}/resume`,
    `/api/sessions/${none}`,
    `/users/${none}`,
    `/sessions/${none}`,
    `/sessions/${none}/print`,
    `/sessions/${none}/export/json`,
  ]) {
    expect((await agent.get(path)).status(), path).toBe(404);
  }
  expect(await total(agentId), "an agent's looks at nothing").toBe(before);
  // Nor for a service key (its stream is the key's), nor a flow that does not exist.
  const auditor = await signedInAs("auditor", baseURL!);
  const auditorId = await viewerIdOf(auditor);
  const auditorBefore = await total(auditorId);
  expect((await auditor.get(`/flows/${none}`)).status()).toBe(404);
  expect(await total(auditorId)).toBe(auditorBefore);
  // An admin changing a dashboard user that does not exist: nothing changes, nothing on record, no error.
  const admin = await signedInAs("admin", baseURL!);
  const adminId = await viewerIdOf(admin);
  const adminBefore = await total(adminId);
  const actions = builtActions();
  for (const [action, fields] of [
    ["setUserRole", { userId: none, role: "agent" }],
    ["setUserDisabled", { userId: none, disabled: "true" }],
  ] as const) {
    const { id, route } = actions.get(`lib/actions/admin.ts#${action}`)!;
    expect((await callAction(admin, baseURL!, route, id, [form(fields)])).status, action).toBe(200);
  }
  expect(await total(adminId)).toBe(adminBefore);
});

test("creating and revoking an API key are on record (a service key reads everything); revoking none is not", async ({ request, baseURL }) => {
  const admin = await signedInAs("admin", baseURL!);
  const adminId = await viewerIdOf(admin);
  const actions = builtActions();
  const call = (name: string, args: unknown[]) => {
    const { id, route } = actions.get(`lib/actions/admin.ts#${name}`)!;
    return callAction(admin, baseURL!, route, id, args);
  };
  const name = uniqueTag("audited-key");
  const before = await auditCounts(request, adminId);
  const created = await call("createApiKeyAction", [null, form({ kind: "service", name })]);
  const secret = (created.result as { secret: string }).secret;
  expect(secret.length).toBeGreaterThan(20);
  const page = await (await admin.get("/admin/keys")).text();
  const keyId = new RegExp(`${name}</td>[\\s\\S]*?name="id" value="(\\d+)"`).exec(page)![1]!;
  expect((await call("revokeApiKeyAction", [form({ id: keyId })])).status).toBe(200);
  expect((await call("revokeApiKeyAction", [form({ id: keyId })])).status).toBe(200);
  const after = await auditCounts(request, adminId);
  expect(after["rewind.audit.api-key.created"] ?? 0).toBe((before["rewind.audit.api-key.created"] ?? 0) + 1);
  expect(after["rewind.audit.api-key.revoked"] ?? 0, "revoked once, then nothing left to revoke").toBe((before["rewind.audit.api-key.revoked"] ?? 0) + 1);
  const { events } = await (await request.get(`/api/streams/${encodeURIComponent(`rewind/audit/${adminId}`)}?limit=1000`, { headers: serviceAuth })).json();
  const record = JSON.stringify(events.slice(-2));
  expect(record).toContain(`service key ${name}`);
  expect(record, "the key itself is never on record").not.toContain(secret);
});

test("a page another site sends the browser to asks before it puts a look on record; from Rewind it opens", async ({ request, baseURL }) => {
  const seeded = await seedUserSession(request, (user, tag) => [
    cloudEvent({
      id: `${tag}-3`,
      source: "/holidays/offers",
      type: "offers.offer.viewed",
      subject: `offer/OF-${tag}`,
      userid: user,
      correlationid: `FL-${tag}`,
      time: "2026-06-01T10:02:00Z",
      data: { offerId: `OF-${tag}` },
    }),
  ]);
  const flow = `FL-${seeded.tag}`;
  const auditor = await signedInAs("auditor", baseURL!);
  const viewer = await viewerIdOf(auditor);
  const total = async () => Object.values(await auditCounts(request, viewer)).reduce((a, b) => a + b, 0);
  for (const [path, site] of [
    [`/users/${seeded.user}`, "cross-site"],
    [`/sessions/${seeded.sessionId}?at=1`, "same-site"],
    [`/flows/${flow}`, "cross-site"],
    [`/users?query=${seeded.user}`, "same-site"],
    // A search by personal data (an auditor may find customers): on record as a customer search.
    ["/sessions?search=1&where=data.cardLast4%3Aeq%3A4242", "cross-site"],
  ] as const) {
    const before = await total();
    // A navigation from another site (or a sibling subdomain) carries the (SameSite=Lax) cookie:
    // nothing on record, a link to open it.
    const elsewhere = await auditor.get(path, { headers: { "sec-fetch-site": site, "sec-fetch-mode": "navigate" } });
    expect(elsewhere.status(), path).toBe(200);
    const html = await elsewhere.text();
    expect(html, path).toContain("You followed a link from another site");
    expect(html, path).toContain(`href="${path.replace("&", "&amp;")}"`);
    expect(await total(), path).toBe(before);
    // That link, followed from Rewind's own page: the view, on record once.
    const here = await auditor.get(path, { headers: { "sec-fetch-site": "same-origin", "sec-fetch-mode": "navigate" } });
    expect(await here.text(), path).not.toContain("You followed a link from another site");
    expect(await total(), path).toBe(before + 1);
  }
});

test("an API read another site makes with the dashboard's sign-in is refused and puts nothing on record; with a key it is served", async ({
  request,
  baseURL,
}) => {
  const seeded = await seedUserSession(request, () => []);
  const auditor = await signedInAs("auditor", baseURL!);
  const viewer = await viewerIdOf(auditor);
  const total = async () => Object.values(await auditCounts(request, viewer)).reduce((a, b) => a + b, 0);
  const before = await total();
  for (const path of [
    `/api/users/${seeded.user}/sessions`,
    `/api/sessions/${seeded.sessionId}?limit=1`,
    `/api/users?query=${seeded.user}`,
    `/sessions/${seeded.sessionId}/export/json`,
    `/sessions/${seeded.sessionId}/print`,
  ]) {
    for (const site of ["cross-site", "same-site"]) {
      const answer = await auditor.get(path, { headers: { "sec-fetch-site": site } });
      expect(answer.status(), `${path} from ${site}`).toBe(403);
    }
    expect((await auditor.get(path, { headers: { "sec-fetch-site": "same-origin" } })).status(), `${path} from Rewind`).toBe(200);
  }
  // Five reads from Rewind's own pages: five records, none from the refused ones.
  expect(await total()).toBe(before + 5);
  expect((await request.get(`/api/users/${seeded.user}/sessions`, { headers: { ...serviceAuth, "sec-fetch-site": "cross-site" } })).status()).toBe(200);
  expect((await request.get("/api/health", { headers: { "sec-fetch-site": "cross-site" } })).status()).toBe(200);
});
