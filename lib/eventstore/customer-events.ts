import type { Store } from "../db/prisma";
import type { Prisma, StoredEvent } from "../generated/sqlite/client";

/** Who a customer is in the store: their user id and what the projector joined to it. */
export interface CustomerIdentity {
  userId: string;
  /** anonymous ids stitched to them (identity_links) */
  anonymousIds: readonly string[];
  /** correlation ids whose flow is theirs (correlation_owners): payment callbacks carry only these */
  correlationIds: readonly string[];
}

/**
 * The events that are this customer's, by the rule sessions are folded by (lib/sessions/person.ts,
 * resolvePerson): their user id; else an anonymous id stitched to them; else, for an event with
 * neither (a service's callback), a correlation id of theirs. An event carrying someone else's
 * user id is that person's, whatever else it shares, so an export never holds another's data.
 */
function customerWhere(who: CustomerIdentity): Prisma.StoredEventWhereInput {
  const or: Prisma.StoredEventWhereInput[] = [{ userid: who.userId }];
  if (who.anonymousIds.length > 0) or.push({ userid: null, anonymousid: { in: [...who.anonymousIds] } });
  if (who.correlationIds.length > 0) or.push({ userid: null, anonymousid: null, correlationid: { in: [...who.correlationIds] } });
  return { OR: or };
}

/**
 * One page of the customer's events in append order, strictly after `after` and at most `upTo`
 * (the head when the export began: one snapshot, however long the export takes). Rewind's own
 * events (the audit trail carries the customer's user id) come back too; the caller sorts them.
 */
export function readCustomerEventsPage(store: Store, who: CustomerIdentity, range: { after: number; upTo: number }, limit: number): Promise<StoredEvent[]> {
  return store.db.storedEvent.findMany({
    where: { ...customerWhere(who), position: { gt: BigInt(range.after), lte: BigInt(range.upTo) } },
    orderBy: { position: "asc" },
    take: limit,
  });
}

/** One page of the events from `source` (the audit trail) about any of these customer keys (user id, reference). */
export function readEventsAboutPage(
  store: Store,
  source: string,
  keys: readonly string[],
  range: { after: number; upTo: number },
  limit: number,
): Promise<StoredEvent[]> {
  return store.db.storedEvent.findMany({
    where: { source, userid: { in: [...keys] }, position: { gt: BigInt(range.after), lte: BigInt(range.upTo) } },
    orderBy: { position: "asc" },
    take: limit,
  });
}

/** Whether any event carries this user id (a customer the projector has not given a reference yet). */
export async function hasEventsOfUser(store: Store, userId: string): Promise<boolean> {
  return (await store.db.storedEvent.findFirst({ where: { userid: userId }, select: { position: true } })) !== null;
}
