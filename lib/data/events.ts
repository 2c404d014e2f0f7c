import "server-only";
import { getStore } from "../db/prisma";
import { appendEvents, type AppendResult } from "../eventstore/append";
import { readFeed, readStream, type FeedFilter } from "../eventstore/read";
import { toCloudEventJson, type CloudEventJson } from "../eventstore/to-cloud-event";
import type { IncomingEvent } from "../ingest/cloud-event";

export async function appendIncomingEvents(events: readonly IncomingEvent[]): Promise<AppendResult[]> {
  return appendEvents(getStore(), events);
}

export async function listFeedEvents(after: number, limit: number, filter?: FeedFilter): Promise<CloudEventJson[]> {
  return (await readFeed(getStore(), { after, limit, filter })).map(toCloudEventJson);
}

export async function listStreamEvents(stream: string, fromVersion: number, limit: number): Promise<CloudEventJson[]> {
  return (await readStream(getStore(), stream, { fromVersion, limit })).map(toCloudEventJson);
}
