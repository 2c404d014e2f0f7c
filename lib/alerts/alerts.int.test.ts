import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvents } from "../eventstore/append";
import { EVENT_TYPES as T, SOURCES } from "../journeys/booking/booking-events";
import { builtInCatalog } from "../journeys/catalog";
import { catchUp, closeIdleSessions } from "../sessions/projector";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { createAlertRule } from "./alert-rules";
import { deliverDue, sendAgain } from "./deliver";
import { fireStalledAlerts } from "./evaluate";
import { queuedAlertsAt } from "./queue-alerts";
import { sendWebhook } from "./send-webhook";
import { SIGNATURE_HEADER, signatureOf, verifySignature } from "./signature";

const R0 = Date.parse("2026-06-01T10:00:00Z");
const min = (n: number) => R0 + n * 60_000;

/** A customer's booking begun at minute `at`: searched, viewed an offer, started booking (the rule's step). */
function bookingBegun(user: string, at: number) {
  const e = (n: number, type: string, source: string, value: Record<string, unknown>) =>
    anEvent({
      id: `${user}-${at}-${n}`,
      source,
      type,
      subject: `booking/BK-${user}`,
      userid: user,
      time: new Date(min(at) + n * 1000),
      data: { kind: "json", value },
    });
  return [
    e(1, T.destinationsSearched, SOURCES.search, {
      query: "Lisbon",
      destination: "LIS",
      checkIn: "2026-07-01",
      checkOut: "2026-07-08",
      adults: 2,
      children: 0,
    }),
    e(2, T.offerViewed, SOURCES.offers, { offerId: `OF-${user}`, destination: "LIS", hotel: "Hotel Sol", package: "half-board", pricePerPerson: 700 }),
    e(3, T.bookingStarted, SOURCES.booking, {
      bookingId: `BK-${user}`,
      offerId: `OF-${user}`,
      destination: "LIS",
      hotel: "Hotel Sol",
      package: "half-board",
      checkIn: "2026-07-01",
      checkOut: "2026-07-08",
      adults: 2,
      children: 0,
      pricePerPerson: 700,
    }),
  ];
}

/** Appends as the store would have recorded them at minute `at`, and folds them. */
async function record(t: TestStore, at: number, events: ReturnType<typeof anEvent>[]) {
  await appendEvents(t.store, events, new Date(min(at) + 5000));
  await catchUp(t.store, { now: () => min(at) + 10_000 });
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

describe.each(testProviders())("alerts on a stalled journey (%s)", (provider) => {
  let t: TestStore;
  let server: Server;
  let url: string;
  const received: Received[] = [];
  const answers: number[] = [];
  const evaluate = (at: number) => fireStalledAlerts(t.store, { now: at, catalog: builtInCatalog, mask: (s) => s });
  const allow = ["127.0.0.1"];

  beforeAll(async () => {
    t = await createTestStore(provider);
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answers.shift() ?? 200).end("thanks");
      });
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    await t?.dispose();
  });

  let ruleId = "";
  let secret = "";
  it("given a rule made after one customer stalled, fires once for one who stalls after it, after N minutes, never for one who goes on", async () => {
    await record(t, -120, bookingBegun("u-before", -120));
    const rule = await createAlertRule(
      t.store,
      { name: "Stuck at booking", journey: "holiday-booking", step: "start_booking", dropReason: null, afterMinutes: 45, webhookUrl: url },
      "admin@test",
      new Date(min(-1)),
    );
    ruleId = rule.id;
    secret = rule.secret;
    // u-stall stops at "started booking"; u-on adds travellers ten minutes later; u-later comes back in a new session.
    await record(t, 0, [...bookingBegun("u-stall", 0), ...bookingBegun("u-on", 0), ...bookingBegun("u-later", 0)]);
    await record(t, 10, [
      anEvent({
        id: "u-on-4",
        source: SOURCES.booking,
        type: T.travellersAdded,
        subject: "booking/BK-u-on",
        userid: "u-on",
        time: new Date(min(10)),
        data: { kind: "json", value: { bookingId: "BK-u-on", travellers: [{ name: "Ana" }, { name: "Rui" }] } },
      }),
    ]);
    await record(t, 35, [bookingBegun("u-later", 35)[0]!]);
    const stalled = await t.store.db.session.findMany({ where: { userId: { in: ["u-stall", "u-on", "u-later"] } } });
    expect(stalled.length).toBe(4);

    expect(await evaluate(min(44))).toEqual([]);
    // Two servers evaluating in the same moment: the database's unique (rule, session) lets one fire.
    const fired = (await Promise.all([evaluate(min(46)), evaluate(min(46))])).flat();
    expect(fired).toHaveLength(1);
    expect(await evaluate(min(47))).toEqual([]);
    expect(await evaluate(min(60 * 24))).toEqual([]);
    const alerts = await t.store.db.alert.findMany();
    expect(alerts.map((a) => a.userId)).toEqual(["u-stall"]);
    expect(stalled.find((s) => s.id === alerts[0]!.sessionId)?.endReason).toBe("open");
    const body = JSON.parse(alerts[0]!.body);
    const reference = (await t.store.db.userReference.findFirst({ where: { userId: "u-stall" } }))?.reference;
    expect(body).toEqual({
      id: fired[0],
      type: "journey.stalled",
      rule: { id: ruleId, name: "Stuck at booking" },
      session: {
        id: alerts[0]!.sessionId,
        journey: "holiday-booking",
        step: "start_booking",
        stepLabel: "Started booking",
        dropReason: expect.any(String),
        dropReasonLabel: expect.any(String),
        stoppedAt: new Date(min(0) + 3000).toISOString(),
        customer: reference,
      },
      resume: { canContinue: true, step: expect.any(String) },
      occurredAt: new Date(min(46)).toISOString(),
    });
    expect(reference).toMatch(/^cus_[0-9a-f]{20}$/);
    expect(alerts[0]!.body).not.toContain("u-stall");
  });

  it("a rule naming a drop reason fires only for a session stopped with it (here closed as inactive), once it has one", async () => {
    const rule = (dropReason: string) =>
      createAlertRule(
        t.store,
        { name: dropReason, journey: "holiday-booking", step: "start_booking", dropReason, afterMinutes: 45, webhookUrl: null },
        "admin@test",
        new Date(min(-1)),
      );
    // Made now, they consider what stopped after the rule above was made: from its position, as if made with it.
    const [inactive, declined] = [await rule("timed_out"), await rule("payment_declined")];
    await t.store.db.alertRule.updateMany({
      where: { id: { in: [inactive.id, declined.id] } },
      data: { fromPosition: (await t.store.db.alertRule.findUniqueOrThrow({ where: { id: ruleId } })).fromPosition },
    });
    await closeIdleSessions(t.store, { now: () => min(46) });
    const closed = await t.store.db.session.findMany({ where: { userId: "u-stall" } });
    expect(closed.map((s) => [s.endReason, s.dropReason])).toEqual([["timed_out", "timed_out"]]);
    const fired = await evaluate(min(47));
    expect(fired).toHaveLength(1);
    const alert = await t.store.db.alert.findUniqueOrThrow({ where: { id: fired[0] } });
    expect([alert.ruleId, alert.userId, alert.delivery]).toEqual([inactive.id, "u-stall", "none"]);
    expect(await evaluate(min(60))).toEqual([]);
  });

  it("puts the fired alert in the agents' work queue, with what it would take and the session to resume", async () => {
    const queued = await queuedAlertsAt(t.store, min(47));
    // Two rules fired for the same session: one row, named by the newest alert.
    expect(queued.map((q) => [q.ruleName, q.session.userId, q.resume.canContinue])).toEqual([["timed_out", "u-stall", true]]);
    expect(queued[0]!.resume.remaining.length).toBeGreaterThan(0);
  });

  it("retries a receiver answering 500 with growing gaps, signed afresh with the same id, until a 200 stops them", async () => {
    answers.push(500, 500, 500);
    const F = min(46);
    let sent = 0;
    // Two servers' delivery loops side by side: the claim lets only one send each attempt.
    for (let s = 0; s <= 600; s += 5) {
      const both = await Promise.all([deliverDue(t.store, { now: F + s * 1000, allow }), deliverDue(t.store, { now: F + s * 1000, allow })]);
      sent += both[0] + both[1];
    }
    expect(sent).toBe(4);
    expect(await deliverDue(t.store, { now: min(60 * 3), allow })).toBe(0);
    const attempts = await t.store.db.alertAttempt.findMany({ orderBy: { id: "asc" } });
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 500, 200]);
    const at = attempts.map((a) => a.attemptedAt.getTime());
    const gaps = at.slice(1).map((x, i) => x - at[i]!);
    expect(gaps).toEqual([30_000, 60_000, 120_000]);
    const alert = (await t.store.db.alert.findFirst({ where: { ruleId } }))!;
    expect(alert.delivery).toBe("delivered");
    expect(received).toHaveLength(4);
    const ids = new Set(received.map((r) => JSON.parse(r.body).id));
    expect([...ids]).toEqual([alert.id]);
    for (const [i, r] of received.entries()) {
      expect(r.body).toBe(alert.body);
      const header = String(r.headers[SIGNATURE_HEADER.toLowerCase()]);
      // What a receiver computes by hand, from the raw body and the header's own time.
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header)!;
      expect(Number(m[1])).toBe(Math.floor(at[i]! / 1000));
      expect(m[2]).toBe(signatureOf(secret, r.body, Number(m[1])));
      expect(verifySignature(secret, r.body, header)).toBe(true);
      expect(verifySignature("another secret", r.body, header)).toBe(false);
    }
  });

  it("sends a delivery again when an admin asks, as its own attempt", async () => {
    const alert = (await t.store.db.alert.findFirst({ where: { ruleId } }))!;
    expect(await sendAgain(t.store, alert.id, { now: min(60 * 5), allow })).toBe("delivered");
    expect(received).toHaveLength(5);
    expect(JSON.parse(received[4]!.body).id).toBe(alert.id);
    expect((await t.store.db.alertAttempt.findMany({ where: { manual: true } })).length).toBe(1);
  });

  it("counts a receiver that hangs up without answering as no answer, to be retried, and does not follow a redirect", async () => {
    const rude = createServer((req, res) => {
      if (req.url === "/moved") return res.writeHead(307, { location: url }).end();
      req.socket.destroy();
    });
    await new Promise<void>((done) => rude.listen(0, "127.0.0.1", done));
    const base = `http://127.0.0.1:${(rude.address() as AddressInfo).port}`;
    const before = received.length;
    try {
      expect(await sendWebhook(`${base}/hook`, "{}", {}, allow)).toMatchObject({ status: null, answer: expect.stringContaining("no answer") });
      expect(await sendWebhook(`${base}/moved`, "{}", {}, allow)).toMatchObject({ status: 307 });
      expect(received.length).toBe(before);
    } finally {
      rude.close();
    }
  });

  it("refuses an internal address that is not allowed, before sending anything", async () => {
    const before = received.length;
    const refused = await sendWebhook(url.replace("http:", "https:"), "{}", {}, []);
    expect(refused).toMatchObject({ status: null, answer: expect.stringContaining("internal address") });
    const http = await sendWebhook(url, "{}", {}, []);
    expect(http.answer).toContain("must be https://");
    const named = await sendWebhook("https://hooks.example/x", "{}", {}, [], async () => [{ address: "169.254.169.254", family: 4 }]);
    expect(named.answer).toContain("hooks.example resolves to an internal address");
    const mapped = await sendWebhook("https://hooks.example/x", "{}", {}, [], async () => [{ address: "::ffff:10.0.0.7", family: 6 }]);
    expect(mapped.answer).toContain("internal address");
    expect(received.length).toBe(before);
    // Through the delivery loop: the refusal is an attempt with no answer, retried like one.
    await t.store.db.alertRule.update({ where: { id: ruleId }, data: { webhookUrl: url.replace("http:", "https:") } });
    const alert = (await t.store.db.alert.findFirst({ where: { ruleId } }))!;
    expect(await sendAgain(t.store, alert.id, { now: min(60 * 6), allow: [] })).toBe("retrying");
    const last = (await t.store.db.alertAttempt.findFirst({ orderBy: { id: "desc" } }))!;
    expect(last).toMatchObject({ status: null, answer: expect.stringContaining("internal address") });
    expect(received.length).toBe(before);
  });
});
