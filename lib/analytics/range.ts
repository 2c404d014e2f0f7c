import { z } from "zod";

/**
 * A date range of whole UTC days, from the query string. The default is the 30 whole days up to
 * yesterday: today is a partial day, and a range ending in it draws a cliff on its last day and
 * compares a part of a day with whole ones.
 */
const DAY = /^\d{4}-\d\d-\d\d$/;
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

export interface DayRange {
  from: string;
  to: string;
}

const day = z
  .string()
  .regex(DAY)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "not a date");

export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The day `n` days after `d` (before, when n is negative). */
export const addDays = (d: string, n: number) => dayOf(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS);

export function readRange(params: Record<string, string | string[] | undefined>, now = Date.now()): DayRange {
  const yesterday = addDays(dayOf(now), -1);
  const to = day.safeParse(params.to).success ? (params.to as string) : yesterday;
  let from = day.safeParse(params.from).success ? (params.from as string) : addDays(to, -29);
  // A range given backwards means the same days.
  if (from > to) return readRange({ from: to, to: from }, now);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days > MAX_RANGE_DAYS) from = addDays(to, -(MAX_RANGE_DAYS - 1));
  return { from, to };
}

/** The last `n` days of the range's end, that end included: what the 7/30/90-day buttons pick. */
export function lastDays(end: string, n: number): DayRange {
  return { from: addDays(end, -(n - 1)), to: end };
}

/**
 * Which days of a range are not whole yet: today (still filling) and any day after it (nothing can
 * be there yet). null when every day of the range is over.
 */
export function unfinishedDays(range: DayRange, now: number): { from: string; today: string } | null {
  const today = dayOf(now);
  if (range.to < today) return null;
  // The later of the two days (ISO days sort as text).
  return { from: [range.from, today].sort()[1]!, today };
}

export function rangeQuery(range: DayRange, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams({ from: range.from, to: range.to });
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== "") params.set(k, String(v));
  return params.toString();
}
