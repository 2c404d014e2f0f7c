import type { Store } from "../db/prisma";
import type { Session } from "../generated/sqlite/client";

export type { Session };

/** A session by id, following aliases left by merges. */
export async function findSession(store: Store, id: string): Promise<Session | null> {
  const direct = await store.db.session.findUnique({ where: { id } });
  if (direct) return direct;
  const alias = await store.db.sessionAlias.findUnique({ where: { alias: id } });
  return alias ? store.db.session.findUnique({ where: { id: alias.sessionId } }) : null;
}

export async function listUserSessions(store: Store, userId: string, limit = 200): Promise<Session[]> {
  return store.db.session.findMany({ where: { userId }, orderBy: { startedAt: "desc" }, take: limit });
}

/** Positions of a session's events from `fromSeq`, in session order. */
export async function readSessionPositions(store: Store, sessionId: string, fromSeq: number, limit: number): Promise<{ seq: number; position: number }[]> {
  const rows = await store.db.sessionEvent.findMany({
    where: { sessionId, seq: { gte: fromSeq } },
    orderBy: { seq: "asc" },
    take: limit,
  });
  return rows.map((r) => ({ seq: r.seq, position: Number(r.position) }));
}

/** Snapshots from the one at or before `fromSeq` up to `toSeq`. */
export async function readSnapshots(store: Store, sessionId: string, fromSeq: number, toSeq: number): Promise<{ seq: number; state: unknown }[]> {
  const before = await store.db.sessionSnapshot.findFirst({
    where: { sessionId, seq: { lte: fromSeq } },
    orderBy: { seq: "desc" },
  });
  const within = await store.db.sessionSnapshot.findMany({
    where: { sessionId, seq: { gt: fromSeq, lte: toSeq } },
    orderBy: { seq: "asc" },
  });
  return [...(before ? [before] : []), ...within].map((s) => ({ seq: s.seq, state: s.state }));
}

export async function searchUserIds(store: Store, query: string, limit = 20): Promise<string[]> {
  const term = query.trim().toLowerCase();
  if (term === "") return [];
  const rows = await store.db.userSearchTerm.findMany({
    where: { term: { contains: term } },
    select: { userId: true },
    distinct: ["userId"],
    take: limit,
  });
  return rows.map((r) => r.userId);
}

export async function readUserSummaries(store: Store, userIds: readonly string[]) {
  const rows = await store.db.userSummary.findMany({ where: { userId: { in: [...userIds] } } });
  const order = new Map(userIds.map((id, i) => [id, i]));
  return rows.sort((a, b) => order.get(a.userId)! - order.get(b.userId)!);
}
