import { MASK } from "../privacy/mask";

/**
 * A stream or a flow named by the position of one of its events (`@1234`), so a subject or a
 * correlation id that is itself personal (an email in it) never has to be in a URL: links use
 * this form, and the name itself still works (`/api/streams/<subject>`, `/flows/<correlation id>`).
 * A subject that is literally `@` and digits is reached through the position of one of its events.
 */
export function positionAddress(segment: string): number | null {
  const match = /^@([1-9][0-9]{0,15})$/.exec(segment);
  return match ? Number(match[1]) : null;
}

export const atPosition = (position: number): string => `@${position}`;

/**
 * The link to an event's flow, opened on that event: by the correlation id when the answer shows
 * it in clear, by the event's position when it came masked (it is personal).
 */
export function flowHref(correlationId: string, position: number): string {
  const key = correlationId.includes(MASK) ? atPosition(position) : encodeURIComponent(correlationId);
  return `/flows/${key}#event-${position}`;
}
