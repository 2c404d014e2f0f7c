/** At most this many days in a segment's trend: a month reads as a sparkline, a year would not. */
export const TREND_DAYS_AT_MOST = 31;
/** A segment naming no days trends over the last two weeks, today included. */
export const TREND_DAYS_DEFAULT = 14;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The UTC days a segment's trend shows: its own range (from/to), cut to its last 31 days; with one
 * end missing, up to today or from 13 days before; with none, the last 14 days up to today.
 */
export function daysOfTrend(from: string | undefined, to: string | undefined, today: string): string[] {
  const last = to ?? (from && from > today ? from : today);
  const first = from ?? dayOf(msOf(last) - (TREND_DAYS_DEFAULT - 1) * 86_400_000);
  const start = Math.max(msOf(first), msOf(last) - (TREND_DAYS_AT_MOST - 1) * 86_400_000);
  const days: string[] = [];
  for (let t = start; t <= msOf(last); t += 86_400_000) days.push(dayOf(t));
  return days;
}
