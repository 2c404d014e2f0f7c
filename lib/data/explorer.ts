import "server-only";
import { getReadStore } from "../db/read-store";
import { readCorrelationIdsOfUser, readEventAt, readEventTypes, readFeed, readFeedBackward, readHeadPosition } from "../eventstore/read";
import { toCloudEventJson, type CloudEventJson } from "../eventstore/to-cloud-event";
import { toFeedFilter, typeFilterIsPattern, type ExplorerFilter } from "../explorer/explorer-filter";
import type { Store } from "../db/prisma";
import type { StoredEvent } from "../generated/sqlite/client";
import { maskCloudEvent } from "../privacy/mask-events";
import { nameAuditStreams } from "./audit";
import { getMasker } from "./privacy";

async function masked(rows: StoredEvent[]): Promise<CloudEventJson[]> {
  const masker = await getMasker();
  return rows.map((e) => maskCloudEvent(masker, toCloudEventJson(e)));
}

/**
 * The filter as the store reads it; a type pattern resolves against the store's types (one index
 * scan). A user filter also takes the events of theirs that carry no user id, joined by the
 * correlation ids of their own events (a payment callback): the table marks those as joined.
 */
async function feedFilterOf(store: Store, filter: ExplorerFilter) {
  const [types, masker, joinedCorrelationIds] = await Promise.all([
    typeFilterIsPattern(filter) ? readEventTypes(store) : [],
    typeFilterIsPattern(filter) ? getMasker() : null,
    filter.user !== undefined ? readCorrelationIdsOfUser(store, filter.user) : undefined,
  ]);
  return { ...toFeedFilter(filter, types, masker?.text), joinedCorrelationIds };
}

export const EXPLORER_PAGE_SIZE = 100;

export interface ExplorerPage {
  /** newest first */
  events: CloudEventJson[];
  /** the newest position in the whole store when the page was read */
  head: number;
  /** whether older events match the filter */
  hasOlder: boolean;
  /** who each audit stream on the page is (`rewind/audit/<viewer id>` names nobody) */
  streamNames: Record<string, string>;
}

export async function getExplorerPage(filter: ExplorerFilter, before?: number): Promise<ExplorerPage> {
  const store = getReadStore();
  const [rows, head] = await Promise.all([
    feedFilterOf(store, filter).then((feedFilter) => readFeedBackward(store, { before, limit: EXPLORER_PAGE_SIZE + 1, filter: feedFilter })),
    readHeadPosition(store),
  ]);
  const kept = rows.slice(0, EXPLORER_PAGE_SIZE);
  const [events, streamNames] = await Promise.all([masked(kept), nameAuditStreams(kept.map((e) => e.stream))]);
  return { events, head, hasOlder: rows.length > EXPLORER_PAGE_SIZE, streamNames };
}

const TAIL_LIMIT = 1_000;

/**
 * The live tail: events matching the filter appended after `after`, newest first, and the
 * position the next poll continues from (the store's head when all of them fitted).
 */
export async function getNewerEvents(
  filter: ExplorerFilter,
  after: number,
): Promise<{ events: CloudEventJson[]; head: number; streamNames: Record<string, string> }> {
  const store = getReadStore();
  const head = await readHeadPosition(store);
  if (head <= after) return { events: [], head: after, streamNames: {} };
  const rows = await readFeed(store, { after, upTo: head, limit: TAIL_LIMIT, filter: await feedFilterOf(store, filter) });
  const reached = rows.length === TAIL_LIMIT ? Number(rows[rows.length - 1]!.position) : head;
  const [events, streamNames] = await Promise.all([masked(rows), nameAuditStreams(rows.map((e) => e.stream))]);
  return { events: events.reverse(), head: reached, streamNames };
}

export async function getEventAt(position: number): Promise<CloudEventJson | null> {
  const row = await readEventAt(getReadStore(), position);
  return row ? (await masked([row]))[0]! : null;
}

/** The types for the explorer's filter, through the patterns like every string that leaves (a type is a producer's string). */
export async function listEventTypes(): Promise<string[]> {
  const [types, masker] = await Promise.all([readEventTypes(getReadStore()), getMasker()]);
  return [...new Set(types.map(masker.text))];
}
