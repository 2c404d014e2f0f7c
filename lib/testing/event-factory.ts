import type { IncomingEvent } from "../ingest/cloud-event";

/** A valid incoming event with sensible defaults; tests override what they are about. */
export function anEvent(overrides: Partial<IncomingEvent> & { id: string }): IncomingEvent {
  return {
    specversion: "1.0",
    source: "test/booking",
    type: "booking.test.happened",
    subject: "booking/BK-1",
    time: new Date("2026-06-01T10:00:00Z"),
    datacontenttype: "application/json",
    dataschema: null,
    data: { kind: "json", value: { n: 1 } },
    userid: null,
    anonymousid: null,
    sessionid: null,
    correlationid: null,
    causationid: null,
    extensions: {},
    expectedVersion: null,
    ...overrides,
  };
}
