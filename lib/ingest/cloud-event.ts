/** A CloudEvent as Rewind stores it, whatever mode (structured, batch, binary) it came in. */
export type EventData = { kind: "json"; value: unknown } | { kind: "text"; value: string } | { kind: "base64"; value: string };

export type ExtensionValue = string | number | boolean;

export interface IncomingEvent {
  readonly specversion: "1.0";
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string | null;
  readonly time: Date | null;
  readonly datacontenttype: string | null;
  readonly dataschema: string | null;
  readonly data: EventData | null;
  readonly userid: string | null;
  readonly anonymousid: string | null;
  readonly sessionid: string | null;
  readonly correlationid: string | null;
  readonly causationid: string | null;
  /** Every other extension attribute, as sent. */
  readonly extensions: Readonly<Record<string, ExtensionValue>>;
  /** Optimistic-concurrency precondition; checked at append, never stored. */
  readonly expectedVersion: number | null;
}

/** Rewind's own extension attributes, kept in columns of their own. */
export const REWIND_EXTENSIONS = ["userid", "anonymousid", "sessionid", "correlationid", "causationid"] as const;

/** The stream an event belongs to: its subject, or its source when it has none. */
export function streamOf(event: Pick<IncomingEvent, "subject" | "source">): string {
  return event.subject ?? event.source;
}

/** Subjects and sources under this prefix are Rewind's own (the audit trail); producers are refused. */
export const RESERVED_PREFIX = "rewind/";
