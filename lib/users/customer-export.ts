import type { Store } from "../db/prisma";
import { hasEventsOfUser, readCustomerEventsPage, readEventsAboutPage, type CustomerIdentity } from "../eventstore/customer-events";
import { readHeadPosition } from "../eventstore/read";
import { toCloudEventJson } from "../eventstore/to-cloud-event";
import { AUDIT_SOURCE } from "../audit/audit-event";
import { anonymousPerson, isRewindEvent } from "../sessions/person";
import { readSessionPositions } from "../sessions/read-sessions";
import { resolveCustomer, type CustomerRef } from "./user-references";

/** Rows read per query: every list is paged to its end, never cut at a LIMIT. */
export const EXPORT_CUSTOMER_PAGE = 500;

/** The customer named by a user id or a reference; null when Rewind holds nothing under it. */
export async function findExportedCustomer(store: Store, idOrReference: string): Promise<{ userId: string; reference: string | null } | null> {
  const found: CustomerRef | null = await resolveCustomer(store.db, store.target.provider, idOrReference);
  if (found) return found;
  return (await hasEventsOfUser(store, idOrReference)) ? { userId: idOrReference, reference: null } : null;
}

/** Their stitched anonymous ids and the flows (correlation ids) that are theirs, from the live read models. */
export async function identityOf(store: Store, userId: string): Promise<CustomerIdentity> {
  const links = await store.db.identityLink.findMany({ where: { userId }, select: { anonymousId: true } });
  const anonymousIds = links.map((l) => l.anonymousId);
  const persons = [userId, ...anonymousIds.map(anonymousPerson)];
  const owned = await store.db.correlationOwner.findMany({ where: { person: { in: persons } }, select: { correlationId: true } });
  return { userId, anonymousIds, correlationIds: owned.map((o) => o.correlationId) };
}

const json = (value: unknown) => JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? Number(v) : v));

/** A JSON array written piece by piece from pages: `[`, items joined by commas, `]`. */
async function* jsonArray<T>(pages: AsyncIterable<readonly T[]>): AsyncGenerator<string> {
  let first = true;
  yield "[";
  for await (const page of pages) {
    for (const item of page) {
      yield (first ? "\n" : ",\n") + json(item);
      first = false;
    }
  }
  yield first ? "]" : "\n]";
}

/** Pages a table by its string id until a short page: `read(after)` answers rows after that id. */
async function* byId<T extends { id: string }>(read: (after: string | undefined) => Promise<T[]>): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await read(after);
    if (rows.length > 0) yield rows;
    if (rows.length < EXPORT_CUSTOMER_PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Everything Rewind holds about one customer, as one JSON document in pieces (a file or a
 * download is written as it is read; docs/subject-access.md gives the shape). Unmasked: this is
 * the customer's own data, for their subject-access request. Events are those up to the head
 * when the export began, so the file is one snapshot however long it takes.
 */
export async function* exportCustomerJson(store: Store, customer: { userId: string; reference: string | null }, now = new Date()): AsyncGenerator<string> {
  const { userId, reference } = customer;
  const who = await identityOf(store, userId);
  const upTo = await readHeadPosition(store);
  const summary = await store.db.userSummary.findUnique({ where: { userId } });
  yield `{"exportedAt":${json(now.toISOString())},"customer":${json({ userId, reference, anonymousIds: who.anonymousIds, summary })}`;

  yield `,\n"events":`;
  yield* jsonArray(
    (async function* () {
      for (let after = 0; ; ) {
        const rows = await readCustomerEventsPage(store, who, { after, upTo }, EXPORT_CUSTOMER_PAGE);
        // The audit trail names them as its userid too: those are `views`, not events of theirs.
        yield rows.filter((e) => !isRewindEvent(e)).map(toCloudEventJson);
        if (rows.length < EXPORT_CUSTOMER_PAGE) return;
        after = Number(rows[rows.length - 1]!.position);
      }
    })(),
  );

  const persons = [userId, ...who.anonymousIds.map(anonymousPerson)];
  const sessionIds: string[] = [];
  yield `,\n"sessions":`;
  yield* jsonArray(
    (async function* () {
      const pages = byId((after) =>
        store.db.session.findMany({
          where: { OR: [{ userId }, { person: { in: persons } }], ...(after ? { id: { gt: after } } : {}) },
          orderBy: { id: "asc" },
          take: EXPORT_CUSTOMER_PAGE,
        }),
      );
      for await (const page of pages) {
        const out = [];
        for (const { analytics: _facts, analyticsDay: _day, funnelDepth: _depth, ...session } of page) {
          sessionIds.push(session.id);
          // Each session's events by position: every one is in `events` above (one copy of each event).
          const positions = (await readSessionPositions(store, session.id, 0, session.eventCount)).map((p) => p.position);
          out.push({ ...session, eventPositions: positions });
        }
        yield out;
      }
    })(),
  );

  yield `,\n"notes":`;
  yield* jsonArray(
    byId((after) =>
      store.db.note.findMany({
        where: { OR: [{ userId }, ...(sessionIds.length > 0 ? [{ sessionId: { in: sessionIds } }] : [])], ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: EXPORT_CUSTOMER_PAGE,
      }),
    ),
  );

  yield `,\n"resumeLinks":`;
  yield* jsonArray(
    byId((after) =>
      store.db.resumeLink.findMany({ where: { userId, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: "asc" }, take: EXPORT_CUSTOMER_PAGE }),
    ),
  );

  // Who looked at their data, and when: the access log's records about them (by id, or by reference once erasure keeps only that).
  yield `,\n"views":`;
  yield* jsonArray(
    (async function* () {
      const keys = reference ? [userId, reference] : [userId];
      for (let after = 0; ; ) {
        const rows = await readEventsAboutPage(store, AUDIT_SOURCE, keys, { after, upTo }, EXPORT_CUSTOMER_PAGE);
        yield rows.map((e) => ({ position: Number(e.position), at: e.occurredAt.toISOString(), ...(e.dataJson as object) }));
        if (rows.length < EXPORT_CUSTOMER_PAGE) return;
        after = Number(rows[rows.length - 1]!.position);
      }
    })(),
  );
  yield "\n}\n";
}
