/** What a journey sees of a stored event: plain data, time as epoch milliseconds. */
export interface JourneyEvent {
  readonly position: number;
  readonly type: string;
  readonly source: string;
  readonly subject: string | null;
  readonly time: number;
  readonly userid: string | null;
  readonly anonymousid: string | null;
  readonly sessionid: string | null;
  readonly correlationid: string | null;
  readonly causationid: string | null;
  readonly data: unknown;
  /**
   * the event's other extension attributes (`traceparent`, Segment's `segmentcontext`), as stored;
   * absent or null when it has none. Paths read them by name (lib/journeys/definition/paths.ts).
   */
  readonly extensions?: Readonly<Record<string, unknown>> | null;
}

/** Event time, ties broken by global position: the order of a session. */
export function compareJourneyEvents(a: JourneyEvent, b: JourneyEvent): number {
  return a.time - b.time || a.position - b.position;
}
