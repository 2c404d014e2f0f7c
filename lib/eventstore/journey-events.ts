import type { Store } from "../db/prisma";
import type { StoredEvent } from "../generated/sqlite/client";
import type { JourneyEvent } from "../journeys/journey-event";

/** The columns a journey reads: selecting only these reads 3–4× faster than whole rows. */
const JOURNEY_COLUMNS = {
  position: true, type: true, source: true, subject: true, occurredAt: true, userid: true, anonymousid: true,
  sessionid: true, correlationid: true, causationid: true, dataJson: true, dataText: true, dataBase64: true,
} as const;

type JourneyRow = Pick<StoredEvent, keyof typeof JOURNEY_COLUMNS>;

const IN_CHUNK = 500;

/** A stored event as journeys see it. */
export function toJourneyEvent(e: JourneyRow): JourneyEvent {
  return {
    position: Number(e.position),
    type: e.type,
    source: e.source,
    subject: e.subject,
    time: e.occurredAt.getTime(),
    userid: e.userid,
    anonymousid: e.anonymousid,
    sessionid: e.sessionid,
    correlationid: e.correlationid,
    causationid: e.causationid,
    data: e.dataJson ?? e.dataText ?? (e.dataBase64 !== null ? { data_base64: e.dataBase64 } : null),
  };
}

interface JourneyRawRow {
  position: number | bigint;
  type: string;
  source: string;
  subject: string | null;
  occurred_at: Date | string;
  userid: string | null;
  anonymousid: string | null;
  sessionid: string | null;
  correlationid: string | null;
  causationid: string | null;
  data_json: unknown;
  data_text: string | null;
  data_base64: string | null;
}

/**
 * The global feed after a position, as journey events: what the session projector reads. A raw
 * select of the columns journeys need: it reads a rebuild's rows in half the time of findMany.
 */
export async function readJourneyFeed(store: Store, after: number, limit: number): Promise<JourneyEvent[]> {
  const p = store.target.provider === "sqlite" ? ["?", "?"] : ["$1", "$2"];
  const rows = await store.db.$queryRawUnsafe<JourneyRawRow[]>(
    `SELECT "position", "type", "source", "subject", "occurred_at", "userid", "anonymousid", "sessionid", "correlationid", ` +
      `"causationid", "data_json", "data_text", "data_base64" FROM "events" WHERE "position" > ${p[0]} ORDER BY "position" LIMIT ${p[1]}`,
    after,
    limit,
  );
  return rows.map((r) => ({
    position: Number(r.position),
    type: r.type,
    source: r.source,
    subject: r.subject,
    time: r.occurred_at instanceof Date ? r.occurred_at.getTime() : Date.parse(r.occurred_at),
    userid: r.userid,
    anonymousid: r.anonymousid,
    sessionid: r.sessionid,
    correlationid: r.correlationid,
    causationid: r.causationid,
    data: r.data_json ?? r.data_text ?? (r.data_base64 !== null ? { data_base64: r.data_base64 } : null),
  }));
}

/** Journey events at these positions, in position order. */
export async function readJourneyEventsAt(store: Store, positions: readonly number[]): Promise<JourneyEvent[]> {
  const rows: JourneyRow[] = [];
  // In chunks: Prisma refuses an IN list past SQLite's bind limit once the query is ordered.
  for (let i = 0; i < positions.length; i += IN_CHUNK) {
    const chunk = positions.slice(i, i + IN_CHUNK).map((p) => BigInt(p));
    rows.push(...(await store.db.storedEvent.findMany({ where: { position: { in: chunk } }, select: JOURNEY_COLUMNS })));
  }
  return rows.sort((a, b) => (a.position < b.position ? -1 : 1)).map(toJourneyEvent);
}

/** Service events of these flows with no user and no visitor that no person holds yet. */
export async function readUnownedFlowEvents(store: Store, correlationIds: readonly string[], upTo: number): Promise<JourneyEvent[]> {
  if (correlationIds.length === 0) return [];
  const rows = await store.db.storedEvent.findMany({
    where: { correlationid: { in: [...correlationIds] }, userid: null, anonymousid: null, position: { lte: BigInt(upTo) } },
    select: JOURNEY_COLUMNS,
  });
  return rows.map(toJourneyEvent);
}
