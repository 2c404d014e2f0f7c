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
  // A calendar day: 2026-02-30 parses (as 2 March) but is not one.
  .refine((d) => dayOf(Date.parse(`${d}T00:00:00Z`) || 0) === d, "not a date");

export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The day `n` days after `d` (before, when n is negative). */
export const addDays = (d: string, n: number) => dayOf(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS);

/** A value from the query string, short enough to quote back in a notice. */
const quoted = (v: string | string[] | undefined) => {
  const text = Array.isArray(v) ? v.join(",") : (v ?? "");
  return `"${text.length > 20 ? `${text.slice(0, 20)}…` : text}"`;
};

export function readRange(params: Record<string, string | string[] | undefined>, now = Date.now()): DayRange {
  return readRangeWithNotice(params, now).range;
}

/**
 * The range a page shows. Whatever in the query was not usable (not a day, given backwards, longer
 * than a year) is named in `notice`, with the range shown instead: the page says so rather than
 * quietly showing other days than the ones asked for. null when all of it was usable.
 */
export function readRangeWithNotice(params: Record<string, string | string[] | undefined>, now = Date.now()): { range: DayRange; notice: string | null } {
  const problems: string[] = [];
  const given = (name: "from" | "to") => {
    const value = params[name];
    if (value === undefined || value === "") return null;
    if (day.safeParse(value).success) return value as string;
    problems.push(`${name === "from" ? "From" : "To"} ${quoted(value)} is not a day (YYYY-MM-DD)`);
    return null;
  };
  const asked = { from: given("from"), to: given("to") };
  let to = asked.to ?? addDays(dayOf(now), -1);
  let from = asked.from ?? addDays(to, -29);
  // A range given backwards means the same days.
  if (from > to) {
    problems.push(`From ${from} is after To ${to}`);
    [from, to] = [to, from];
  }
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days > MAX_RANGE_DAYS) {
    problems.push(`the range spans ${days.toLocaleString("en-GB")} days, more than ${MAX_RANGE_DAYS}`);
    from = addDays(to, -(MAX_RANGE_DAYS - 1));
  }
  if (problems.length === 0) return { range: { from, to }, notice: null };
  const said = problems.join("; ");
  return { range: { from, to }, notice: `${said.charAt(0).toUpperCase()}${said.slice(1)}: showing ${from} to ${to} instead.` };
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
