import { z } from "zod";

/** A date range of whole UTC days, from the query string: default the 30 days up to today. */
const DAY = /^\d{4}-\d\d-\d\d$/;
export const MAX_RANGE_DAYS = 366;

export interface DayRange {
  from: string;
  to: string;
}

const day = z
  .string()
  .regex(DAY)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "not a date");

export function readRange(params: Record<string, string | string[] | undefined>, now = Date.now()): DayRange {
  const today = new Date(now).toISOString().slice(0, 10);
  const to = day.safeParse(params.to).success ? (params.to as string) : today;
  const defaultFrom = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  let from = day.safeParse(params.from).success ? (params.from as string) : defaultFrom;
  // A range given backwards means the same days.
  if (from > to) return readRange({ from: to, to: from }, now);
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) from = new Date(Date.parse(`${to}T00:00:00Z`) - (MAX_RANGE_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

export function rangeQuery(range: DayRange, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams({ from: range.from, to: range.to });
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== "") params.set(k, String(v));
  return params.toString();
}
