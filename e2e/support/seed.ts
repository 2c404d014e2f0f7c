import type { APIRequestContext } from "@playwright/test";
import { E2E_KEYS } from "../../playwright.config";

export const producerAuth = { Authorization: `Bearer ${E2E_KEYS.ingest}` };
export const serviceAuth = { Authorization: `Bearer ${E2E_KEYS.api}` };

/** A prefix unique to one test run, so tests sharing the server never see each other's data. */
export function uniqueTag(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

export function cloudEvent(overrides: Record<string, unknown> & { id: string }): Record<string, unknown> {
  return {
    specversion: "1.0",
    source: "/e2e/tests",
    type: "e2e.thing.happened",
    time: "2026-06-01T10:00:00Z",
    datacontenttype: "application/json",
    data: { ok: true },
    ...overrides,
  };
}

/** Appends events through the public API, as a producer would, and fails loudly if refused. */
export async function appendBatch(request: APIRequestContext, events: Record<string, unknown>[]) {
  const response = await request.post("/api/events", {
    headers: { ...producerAuth, "content-type": "application/cloudevents-batch+json" },
    data: JSON.stringify(events),
  });
  if (response.status() !== 200) throw new Error(`seed refused: ${response.status()} ${await response.text()}`);
  return (await response.json()) as { results: { position: number; streamversion: number; duplicate: boolean }[] };
}

/** The store's head, read through the feed as any service client would (a refused request must leave it where it was). */
export async function headPosition(request: APIRequestContext): Promise<number> {
  let after = 0;
  for (;;) {
    const res = await request.get(`/api/events?after=${after}&limit=1000`, { headers: serviceAuth });
    const { events } = (await res.json()) as { events: { position: number }[] };
    if (events.length === 0) return after;
    after = events[events.length - 1]!.position;
  }
}
