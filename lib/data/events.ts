import "server-only";
import { ApiError } from "../api/errors";
import { getStore } from "../db/prisma";
import { appendEvents, type AppendResult } from "../eventstore/append";
import { readFeed, readStream, type FeedFilter } from "../eventstore/read";
import { toCloudEventJson, type CloudEventJson } from "../eventstore/to-cloud-event";
import type { IncomingEvent } from "../ingest/cloud-event";
import { maskCloudEvent } from "../privacy/mask-events";
import { nudgeProjector } from "../sessions/projector-runner";
import { getMasker } from "./privacy";

export async function appendIncomingEvents(events: readonly IncomingEvent[]): Promise<AppendResult[]> {
  const results = await appendEvents(getStore(), events);
  nudgeProjector();
  return results;
}

export async function listFeedEvents(after: number, limit: number, filter?: FeedFilter): Promise<CloudEventJson[]> {
  const masker = await getMasker();
  return (await readFeed(getStore(), { after, limit, filter })).map((e) => maskCloudEvent(masker, toCloudEventJson(e)));
}

/** A stream's events from a version on; a stream with no events at all is unknown (404). */
export async function listStreamEvents(stream: string, fromVersion: number, limit: number): Promise<CloudEventJson[]> {
  const store = getStore();
  const events = await readStream(store, stream, { fromVersion, limit });
  const masker = await getMasker();
  if (events.length === 0 && (fromVersion === 1 || (await readStream(store, stream, { limit: 1 })).length === 0)) {
    // Echoed masked too: a stream name can be a subject that holds an email.
    const shown = masker.text(stream);
    throw new ApiError("not_found", `stream "${shown}" has no events`, { stream: shown });
  }
  return events.map((e) => maskCloudEvent(masker, toCloudEventJson(e)));
}
