import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer";
import { toAuditEvent } from "../audit/audit-event";
import { appendEvents } from "../eventstore/append";
import type { StoredEvent } from "../eventstore/read";
import { EVENT_TYPES as T, SOURCES } from "../journeys/booking/booking-events";
import { createNote } from "../notes/notes-store";
import { catchUp } from "../sessions/projector";
import { isRewindEvent } from "../sessions/person";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { EXPORT_CUSTOMER_PAGE, exportCustomerJson, findExportedCustomer } from "./customer-export";
import { recordCustomerExport } from "./customer-export-record";

const JANE = "jane@example.com"; // an email used as user id: the export names it unmasked, it is hers
const VERA = "usr-vera";
const at = (second: number) => new Date(Date.UTC(2026, 5, 1, 10, 0, 0) + second * 1000);
const ev = (id: string, type: string, source: string, second: number, extra: Partial<Parameters<typeof anEvent>[0]>) =>
  anEvent({ id, type, source, subject: `sa/${id}`, time: at(second), data: { kind: "json", value: { id } }, ...extra });
const admin: Viewer = { kind: "user", id: "adm-1", email: "admin@rewind.test", name: "Admin", role: "admin", signIn: "s" };

/** Whose each event is, by a plain loop over the events table in append order (the projector's rule, written again). */
function ownerOfEach(events: StoredEvent[]): Map<number, string | null> {
  const links = new Map<string, string>();
  for (const e of events) if (e.userid && e.anonymousid && !links.has(e.anonymousid)) links.set(e.anonymousid, e.userid);
  const personOf = (e: StoredEvent) => e.userid ?? (e.anonymousid ? (links.get(e.anonymousid) ?? `anon:${e.anonymousid}`) : null);
  const owners = new Map<string, string>();
  for (const e of events) if (e.correlationid && !owners.has(e.correlationid) && personOf(e)) owners.set(e.correlationid, personOf(e)!);
  const out = new Map<number, string | null>();
  for (const e of events) {
    if (isRewindEvent(e)) continue;
    out.set(Number(e.position), personOf(e) ?? (e.correlationid ? (owners.get(e.correlationid) ?? null) : null));
  }
  return out;
}

describe.each(testProviders())("a subject-access export (%s)", (provider) => {
  let t: TestStore;
  let file: Record<string, unknown> & { events: { position: number; id: string; data?: unknown }[] };
  beforeAll(async () => {
    t = await createTestStore(provider);
    // More of Jane's searches than one page holds, so every list has to be paged to its end.
    const searches = Array.from({ length: EXPORT_CUSTOMER_PAGE * 2 + 7 }, (_, i) =>
      ev(`j-search-${i}`, T.destinationsSearched, SOURCES.search, 10 + i, { userid: JANE, sessionid: "ses-jane" }),
    );
    await appendEvents(t.store, [
      ev("j-anon", T.destinationsSearched, SOURCES.search, 0, { anonymousid: "anon-jane", sessionid: "ses-jane" }),
      ev("j-in", T.userSignedIn, SOURCES.identity, 5, { userid: JANE, anonymousid: "anon-jane", sessionid: "ses-jane" }),
      ...searches,
      ev("j-book", T.bookingStarted, SOURCES.booking, 2000, { userid: JANE, correlationid: "BK-JANE", sessionid: "ses-jane" }),
      // The payment service knows the booking's flow, not the customer: joined to her by correlation id.
      ev("j-paid", T.paymentSucceeded, SOURCES.payment, 2001, { correlationid: "BK-JANE" }),
      // Vera's: her own events, her own callback, and one of hers that happens to carry Jane's flow id.
      ev("v-book", T.bookingStarted, SOURCES.booking, 2002, { userid: VERA, correlationid: "BK-VERA" }),
      ev("v-paid", T.paymentSucceeded, SOURCES.payment, 2003, { correlationid: "BK-VERA" }),
      ev("v-odd", T.offerViewed, SOURCES.offers, 2004, { userid: VERA, correlationid: "BK-JANE" }),
      ev("x-anon", T.destinationsSearched, SOURCES.search, 2005, { anonymousid: "anon-stranger" }),
    ]);
    await appendEvents(t.store, [
      toAuditEvent(admin, { action: "customer.viewed", customer: JANE, target: "/users/jane" }, at(3000)),
      toAuditEvent(admin, { action: "customer.viewed", customer: VERA, target: "/users/vera" }, at(3001)),
    ]);
    await catchUp(t.store, { now: () => Date.parse("2026-06-03T00:00:00Z") });
    const session = await t.store.db.session.findFirstOrThrow({ where: { userId: JANE } });
    const booked = await t.store.db.storedEvent.findFirstOrThrow({ where: { eventId: "j-book" } });
    await createNote(t.store, {
      sessionId: session.id,
      userId: JANE,
      seq: 3,
      position: Number(booked.position),
      text: "called her back",
      authorId: "a",
      authorLabel: "agent@x",
    });
    await t.store.db.resumeLink.create({
      data: { id: "rl_jane", userId: JANE, sessionId: session.id, createdBy: "agent@x", createdAt: at(4000), expiresAt: at(90_000) },
    });
    const customer = (await findExportedCustomer(t.store, JANE))!;
    await recordCustomerExport(t.store, admin, customer, at(5000));
    let text = "";
    for await (const piece of exportCustomerJson(t.store, customer, at(5000))) text += piece;
    file = JSON.parse(text);
  });
  afterAll(() => t?.dispose());

  it("holds every event of hers, by a plain loop over the events table, and nobody else's", async () => {
    const owners = ownerOfEach(await t.store.db.storedEvent.findMany({ orderBy: { position: "asc" } }));
    const hers = [...owners].filter(([, who]) => who === JANE).map(([position]) => position);
    expect(hers.length).toBe(EXPORT_CUSTOMER_PAGE * 2 + 7 + 4);
    expect(file.events.map((e) => e.position)).toEqual(hers);
    expect(new Set(file.events.map((e) => e.id)).size).toBe(file.events.length);
    for (const id of ["v-book", "v-paid", "v-odd", "x-anon"])
      expect(
        file.events.some((e) => e.id === id),
        id,
      ).toBe(false);
  });

  it("includes the stitched anonymous event and the correlation-joined payment callback, unmasked", () => {
    const paid = file.events.find((e) => e.id === "j-paid");
    expect(paid).toMatchObject({ type: T.paymentSucceeded, correlationid: "BK-JANE", data: { id: "j-paid" } });
    expect(paid).not.toHaveProperty("userid");
    expect(file.events.find((e) => e.id === "j-anon")).toMatchObject({ anonymousid: "anon-jane" });
    expect(file.customer).toMatchObject({ userId: JANE, anonymousIds: ["anon-jane"], summary: { userId: JANE } });
    expect((file.customer as { reference: string }).reference).toMatch(/^cus_[0-9a-f]{20}$/);
  });

  it("lists her sessions with each one's events (all of them in `events`), her note, her resume link", () => {
    const sessions = file.sessions as { id: string; userId: string; eventCount: number; eventPositions: number[] }[];
    expect(sessions.length).toBeGreaterThan(0);
    const exported = new Set(file.events.map((e) => e.position));
    for (const s of sessions) {
      expect(s.userId).toBe(JANE);
      expect(s.eventPositions).toHaveLength(s.eventCount);
      for (const p of s.eventPositions) expect(exported.has(p)).toBe(true);
    }
    expect(sessions.reduce((n, s) => n + s.eventCount, 0)).toBe(file.events.length);
    expect(file.notes).toMatchObject([{ userId: JANE, text: "called her back" }]);
    expect(file.resumeLinks).toMatchObject([{ id: "rl_jane", userId: JANE }]);
  });

  it("lists the views of her data, the export itself among them, and no view of anyone else", () => {
    const views = file.views as { action: string; customer: string; target: string }[];
    expect(views.map((v) => v.action)).toEqual(["customer.viewed", "customer.exported"]);
    expect(views.every((v) => v.customer === JANE)).toBe(true);
    const reference = (file.customer as { reference: string }).reference;
    // On record: who and whose (by reference); not one value of the data.
    expect(views[1]!.target).toBe(`subject-access export of ${reference}`);
    expect(file.exportedAt).toBe(at(5000).toISOString());
  });
});
