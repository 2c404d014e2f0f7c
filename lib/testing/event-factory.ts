import type { IncomingEvent } from "../ingest/cloud-event";
import type { JourneyEvent } from "../journeys/journey-event";

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

let position = 0;

/** A journey event with defaults; tests say what they are about. */
export function aJourneyEvent(type: string, data: unknown = {}, overrides: Partial<JourneyEvent> = {}): JourneyEvent {
  position += 1;
  return {
    position,
    type,
    source: "shop/web",
    subject: null,
    time: Date.UTC(2026, 5, 1, 10, 0, position),
    userid: null,
    anonymousid: null,
    sessionid: null,
    correlationid: null,
    causationid: null,
    data,
    ...overrides,
  };
}
