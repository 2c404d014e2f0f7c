import "server-only";
import { ApiError } from "../http/errors";
import { getStore } from "../db/prisma";
import { getReadStore } from "../db/read-store";
import type { AppendResult } from "../eventstore/append";
import { readEventAt, readFeed, readStream, type FeedFilter } from "../eventstore/read";
import { positionAddress } from "../explorer/event-address";
import { toCloudEventJson, type CloudEventJson } from "../eventstore/to-cloud-event";
import { BlockedUserError } from "../ingest/blocked-check";
import type { IncomingEvent } from "../ingest/cloud-event";
import { metrics } from "../observability/metrics";
import { maskCloudEvent } from "../privacy/mask-events";
import { nudgeProjector } from "../sessions/projector-runner";
import { appendUnlessBlocked } from "../users/blocked-users";
import { getMasker } from "./privacy";

/** Appends what a producer sent, all or none: an event of a blocked user id refuses the whole request (422). */
export async function appendIncomingEvents(events: readonly IncomingEvent[]): Promise<AppendResult[]> {
  const store = getStore();
  const m = metrics();
  const timer = m.appendSeconds.startTimer();
  const results = await appendUnlessBlocked(store, events).catch(async (error: unknown) => {
    // The reason is an admin's free text (a ticket may quote an email): it leaves through the patterns.
    if (error instanceof BlockedUserError) throw new BlockedUserError(error.index, error.id, (await getMasker()).text(error.reason));
    throw error;
  });
  timer();
  const duplicates = results.filter((r) => r.duplicate).length;
  m.ingestEvents.inc({ outcome: "appended" }, results.length - duplicates);
  m.ingestEvents.inc({ outcome: "duplicate" }, duplicates);
  nudgeProjector();
  return results;
}

export async function listFeedEvents(after: number, limit: number, filter?: FeedFilter): Promise<CloudEventJson[]> {
  const masker = await getMasker();
  return (await readFeed(getReadStore(), { after, limit, filter })).map((e) => maskCloudEvent(masker, toCloudEventJson(e)));
}

/**
 * A stream's events from a version on, the stream named by its subject or by the position of one
 * of its events (`@1234`, lib/explorer/event-address.ts); a stream with no events at all is
 * unknown (404). The answer and any error name the stream masked.
 */
export async function listStreamEvents(address: string, fromVersion: number, limit: number): Promise<{ stream: string; events: CloudEventJson[] }> {
  const store = getReadStore();
  const masker = await getMasker();
  const position = positionAddress(address);
  const stream = position === null ? address : (await readEventAt(store, position))?.stream;
  if (stream === undefined) throw new ApiError("not_found", `no event at position ${position}`, { position });
  const events = await readStream(store, stream, { fromVersion, limit });
  if (events.length === 0 && (fromVersion === 1 || (await readStream(store, stream, { limit: 1 })).length === 0)) {
    throw new ApiError("not_found", `stream "${masker.text(stream)}" has no events`, { stream: masker.text(stream) });
  }
  return { stream: masker.text(stream), events: events.map((e) => maskCloudEvent(masker, toCloudEventJson(e))) };
}
