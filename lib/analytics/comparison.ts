import type { DayRange } from "./range";

/**
 * Whether a range's figures can be set against the period before it (pure). A change is only
 * meaningful against a period the store covers whole: the demo's first day sits inside the 30
 * days before the default range, so its few sessions made "+2716.4%". A period before the first
 * day with data, or one that starts before it, is not compared; neither is a range that includes
 * a day not over yet (a part of today against whole days).
 */
export type Comparison = { compare: true } | { compare: false; why: string };

export function comparisonWith(previous: DayRange, firstDataDay: string | null, unfinished: boolean): Comparison {
  if (unfinished) return { compare: false, why: "today is not over, so the range is not whole" };
  if (firstDataDay === null || firstDataDay > previous.to) return { compare: false, why: "no data in the period before" };
  if (firstDataDay > previous.from) return { compare: false, why: `the period before is partly without data (data from ${firstDataDay})` };
  return { compare: true };
}
