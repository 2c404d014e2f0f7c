import { Analytics } from "@segment/analytics-node";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { gzipSync } from "node:zlib";
import { E2E_KEYS } from "../../playwright.config";
import { postChunked } from "../support/raw-post";
import { headPosition, serviceAuth, uniqueTag } from "../support/seed";
import { builtActions, callAction, form } from "../support/server-action";
import { signedInAs } from "../support/signed-in";

type Answer = { status: number; body: string };

/** The real client, pointed at the test server, its HTTP answers recorded (its own fetch does the sending). */
function segmentClient(baseURL: string, writeKey = E2E_KEYS.ingest, options: { flushAt?: number } = {}) {
  const answers: Answer[] = [];
  const analytics = new Analytics({
    writeKey,
    host: baseURL,
    flushAt: options.flushAt ?? 1,
    maxRetries: 0,
    httpClient: async (url, init) => {
      const response = await fetch(url, init);
      answers.push({ status: response.status, body: await response.clone().text() });
      return response;
    },
  });
  return { analytics, answers };
}

/** A call of the client, as an application makes it, settled once the client has sent it. */
const sent = (call: (done: (err?: unknown) => void) => void) =>
  new Promise<unknown>((resolve) => {
    call((err) => resolve(err ?? null));
  });

type Served = Record<string, unknown> & { id: string; type: string };

async function streamOf(request: APIRequestContext, subject: string): Promise<{ status: number; events: Served[] }> {
  const response = await request.get(`/api/streams/${encodeURIComponent(subject)}`, { headers: serviceAuth });
  return { status: response.status(), events: response.status() === 200 ? (await response.json()).events : [] };
}

const basic = (key: string) => ({ Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` });

test("@segment/analytics-node sends every message type to /v1/batch; each is a CloudEvent in the store, and the answer is Segment's", async ({
  request,
  baseURL,
}) => {
  const tag = uniqueTag("seg");
  const user = `u-${tag}`;
  const { analytics, answers } = segmentClient(baseURL!, E2E_KEYS.ingest, { flushAt: 6 });
  const at = (minute: number) => new Date(Date.parse("2026-06-01T10:00:00Z") + minute * 60_000);
  const calls = [
    sent((done) => analytics.identify({ userId: user, traits: { email: `${tag}@example.com`, plan: "gold" }, timestamp: at(0), messageId: `${tag}-1` }, done)),
    sent((done) =>
      analytics.track(
        {
          userId: user,
          event: "Order Completed",
          properties: { orderId: "O-1", total: 42.5 },
          context: { ip: "203.0.113.9" },
          timestamp: at(1),
          messageId: `${tag}-2`,
        },
        done,
      ),
    ),
    sent((done) =>
      analytics.page({ userId: user, name: "Checkout", category: "Shop", properties: { path: "/checkout" }, timestamp: at(2), messageId: `${tag}-3` }, done),
    ),
    sent((done) => analytics.screen({ userId: user, name: "Cart", properties: { items: 2 }, timestamp: at(3), messageId: `${tag}-4` }, done)),
    sent((done) => analytics.group({ userId: user, groupId: `org-${tag}`, traits: { industry: "travel" }, timestamp: at(4), messageId: `${tag}-5` }, done)),
    sent((done) => analytics.alias({ userId: user, previousId: `anon-${tag}`, timestamp: at(5), messageId: `${tag}-6` }, done)),
  ];
  expect(await Promise.all(calls)).toEqual([null, null, null, null, null, null]);
  await analytics.closeAndFlush();
  // One batch of six, answered as Segment answers.
  expect(answers).toEqual([{ status: 200, body: '{"success":true}' }]);

  const { events } = await streamOf(request, `segment/${user}`);
  expect(events.map((e) => [e.id, e.type])).toEqual([
    [`${tag}-1`, "identify"],
    [`${tag}-2`, "Order Completed"],
    [`${tag}-3`, "page"],
    [`${tag}-4`, "screen"],
    [`${tag}-5`, "group"],
    [`${tag}-6`, "alias"],
  ]);
  const [identify, track, page, screen, group, alias] = events;
  for (const e of events) expect(e).toMatchObject({ source: "segment", subject: `segment/${user}`, userid: user });
  expect(track).toMatchObject({ time: "2026-06-01T10:01:00.000Z", data: { orderId: "O-1", total: 42.5 } });
  const context = JSON.parse(track!.segmentcontext as string);
  expect(context.library).toMatchObject({ name: "@segment/analytics-node" });
  // The visitor's address is personal: served masked.
  expect(context.ip).toBe("•••.•.•••.•");
  // Identify traits are personal by default: served masked.
  expect(identify!.data).toEqual({ email: expect.not.stringContaining(tag), plan: "••••" });
  expect(page).toMatchObject({ segmentname: "Checkout", segmentcategory: "Shop", data: { path: "/checkout", category: "Shop" } });
  expect(screen).toMatchObject({ segmentname: "Cart", data: { items: 2 } });
  expect(group).toMatchObject({ segmentgroupid: `org-${tag}`, data: { industry: "travel" } });
  expect(alias).toMatchObject({ anonymousid: `anon-${tag}` });
  // Transport is not content.
  for (const e of events) expect(Object.keys(e).filter((k) => /sent|metadata|writekey|integrations/i.test(k))).toEqual([]);
});

test("an alias joins the visitor's earlier events to the user's sessions", async ({ request, baseURL }) => {
  const tag = uniqueTag("alias");
  const visitor = `anon-${tag}`;
  const user = `u-${tag}`;
  const { analytics } = segmentClient(baseURL!);
  const at = (minute: number) => new Date(Date.parse("2026-06-03T09:00:00Z") + minute * 60_000);
  await sent((done) => analytics.track({ anonymousId: visitor, event: "Product Viewed", properties: { productId: "P-1" }, timestamp: at(0) }, done));
  await sent((done) => analytics.track({ anonymousId: visitor, event: "Product Added", properties: { productId: "P-1" }, timestamp: at(1) }, done));
  await sent((done) => analytics.alias({ previousId: visitor, userId: user, timestamp: at(2) }, done));
  await sent((done) => analytics.track({ userId: user, event: "Order Completed", timestamp: at(3) }, done));
  await analytics.closeAndFlush();

  await expect(async () => {
    const { sessions } = await (await request.get(`/api/users/${encodeURIComponent(user)}/sessions`, { headers: serviceAuth })).json();
    const types: string[] = [];
    for (const s of sessions as { id: string }[]) {
      const { timeline } = await (await request.get(`/api/sessions/${encodeURIComponent(s.id)}`, { headers: serviceAuth })).json();
      types.push(...timeline.events.map((e: { event: Served }) => e.event.type));
    }
    expect(types.sort()).toEqual(["Order Completed", "Product Added", "Product Viewed", "alias"]);
  }).toPass({ timeout: 15_000 });
});

test("a retried message is a duplicate; the same messageId with other content is a conflict (409) naming it", async ({ request }) => {
  const tag = uniqueTag("retry");
  const message = { type: "track", event: "Checkout Started", userId: `u-${tag}`, messageId: `${tag}-1`, timestamp: "2026-06-01T10:00:00Z" };
  const post = (body: unknown) => request.post("/v1/batch", { headers: { ...basic(E2E_KEYS.ingest), "content-type": "application/json" }, data: body });
  for (const sentAt of ["2026-06-01T10:00:01Z", "2026-06-01T10:00:31Z"]) {
    const response = await post({ batch: [{ ...message, sentAt }], sentAt, writeKey: E2E_KEYS.ingest });
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ success: true });
  }
  expect((await streamOf(request, `segment/u-${tag}`)).events.map((e) => e.id)).toEqual([`${tag}-1`]);

  const conflict = await post({
    batch: [
      { ...message, messageId: `${tag}-2` },
      { ...message, properties: { changed: true } },
    ],
  });
  expect(conflict.status()).toBe(409);
  expect((await conflict.json()).error).toMatchObject({
    code: "duplicate_id_conflict",
    details: { index: 1, field: "batch[1].messageId", messageId: `${tag}-1` },
  });
  // All or nothing: the new message before it was not written either.
  expect((await streamOf(request, `segment/u-${tag}`)).events.map((e) => e.id)).toEqual([`${tag}-1`]);
});

test("a batch with one bad message is refused whole (422 naming batch[i] and the field), writing nothing", async ({ request }) => {
  const tag = uniqueTag("bad");
  const good = (i: number) => ({ type: "track", event: "Product Viewed", userId: `u-${tag}`, messageId: `${tag}-${i}` });
  const response = await request.post("/v1/batch", {
    headers: { ...basic(E2E_KEYS.ingest), "content-type": "application/json" },
    data: { batch: [good(0), good(1), good(2), { ...good(3), messageId: undefined }] },
  });
  expect(response.status()).toBe(422);
  const { error } = await response.json();
  expect(error).toMatchObject({ code: "invalid_event", details: { index: 3, field: "batch[3].messageId" } });
  expect(error.message).toBe("batch[3].messageId: messageId must be a non-empty string");
  expect((await streamOf(request, `segment/u-${tag}`)).status).toBe(404);
});

test("a bad write key is 401 to the real client, which does not retry; a service key is 403", async ({ request, baseURL }) => {
  const { analytics, answers } = segmentClient(baseURL!, "not-a-key");
  const tag = uniqueTag("badkey");
  const err = await sent((done) => analytics.track({ userId: `u-${tag}`, event: "Product Viewed" }, done));
  await analytics.closeAndFlush();
  expect(err).not.toBeNull();
  expect(answers.map((a) => a.status)).toEqual([401]);
  expect(JSON.parse(answers[0]!.body).error.code).toBe("unauthorized");
  const service = await request.post("/v1/track", {
    headers: { ...basic(E2E_KEYS.api), "content-type": "application/json" },
    data: { event: "x", userId: `u-${tag}`, messageId: tag },
  });
  expect(service.status()).toBe(403);
  expect((await streamOf(request, `segment/u-${tag}`)).status).toBe(404);
});

test("a request from a browser is refused (403), same site or not", async ({ page, request }) => {
  const tag = uniqueTag("browser");
  await page.goto("/sign-in");
  const status = await page.evaluate(
    async ({ auth, messageId }) => {
      // As Segment's browser library sends it: text/plain, so no preflight.
      const response = await fetch("/v1/track", {
        method: "POST",
        headers: { Authorization: auth, "Content-Type": "text/plain" },
        body: JSON.stringify({ event: "Product Viewed", userId: `u-${messageId}`, messageId }),
      });
      return response.status;
    },
    { auth: basic(E2E_KEYS.ingest).Authorization, messageId: tag },
  );
  expect(status).toBe(403);
  const other = await request.post("/v1/track", {
    headers: { ...basic(E2E_KEYS.ingest), "content-type": "application/json", origin: "https://shop.example" },
    data: { event: "Product Viewed", userId: `u-${tag}`, messageId: tag },
  });
  expect(other.status()).toBe(403);
  expect((await other.json()).error.message).toContain("servers only");
  expect((await streamOf(request, `segment/u-${tag}`)).status).toBe(404);
});

test("a producer key limited to types refuses another, naming batch[i].event (403)", async ({ request, baseURL }) => {
  const admin = await signedInAs("admin", baseURL!);
  const action = builtActions().get("lib/actions/admin.ts#createApiKeyAction")!;
  const created = await callAction(admin, baseURL!, "/admin/keys", action.id, [
    null,
    form({ kind: "producer", name: uniqueTag("segment-key"), source: "shop-backend", types: "Product*" }),
  ]);
  // A key's type patterns take no spaces: "Product*" covers Segment's "Product Viewed", "Product Added"…
  expect(created.result).toMatchObject({ ok: true });
  const key = (created.result as { secret: string }).secret;
  const tag = uniqueTag("typed");
  const message = (event: string, i: number) => ({ type: "track", event, userId: `u-${tag}`, messageId: `${tag}-${i}` });
  const post = (batch: unknown[]) => request.post("/v1/batch", { headers: { ...basic(key), "content-type": "application/json" }, data: { batch } });
  const refused = await post([message("Product Viewed", 1), message("Order Completed", 2)]);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatchObject({ details: { index: 1, field: "batch[1].event", allowed: ["Product*"] } });
  expect((await post([message("Product Viewed", 1)])).status()).toBe(200);
  // The key's source is the events' source.
  expect((await streamOf(request, `segment/u-${tag}`)).events.map((e) => [e.id, e.source])).toEqual([[`${tag}-1`, "shop-backend"]]);
});

test("a body over the limit is 413 and writes nothing, chunked or gzipped (the limit counts the unzipped bytes)", async ({ request, baseURL }) => {
  const tag = uniqueTag("big");
  const before = await headPosition(request);
  const message = (pad: string) => JSON.stringify({ batch: [{ type: "track", event: "Big", userId: `u-${tag}`, messageId: tag, properties: { pad } }] });
  const headers = { ...basic(E2E_KEYS.ingest), "content-type": "application/json" };
  const chunked = await postChunked(baseURL!, "/v1/batch", headers, Buffer.from(message("x".repeat(11_000_000))));
  expect(chunked.status).toBe(413);
  const zipped = await request.post("/v1/batch", {
    headers: { ...headers, "content-encoding": "gzip" },
    data: gzipSync(message("y".repeat(11_000_000))),
  });
  expect(zipped.status()).toBe(413);
  expect((await zipped.json()).error).toMatchObject({ code: "payload_too_large", details: { limitBytes: 10 * 1024 * 1024 } });
  expect(await headPosition(request)).toBe(before);
  // Gzipped within the limit, as Segment's other libraries send it: stored.
  const small = await request.post("/v1/batch", { headers: { ...headers, "content-encoding": "gzip" }, data: gzipSync(message("z")) });
  expect(await small.json()).toEqual({ success: true });
  expect((await streamOf(request, `segment/u-${tag}`)).events.map((e) => e.data)).toEqual([{ pad: "z" }]);
});
