/**
 * What a table of a dimension's largest values leaves out, so that its rows add up to the total:
 * the values past the `shown` first summed as one "Other (N values)" row, and the sessions with no
 * value at all as "(none)". Each row is a list of counts in the table's columns (per funnel step,
 * or sessions and completed), `total` the same columns over every session.
 *
 * "(none)" is the total less every value's counts. A session with several values counts under
 * each, so when the values add up to more than the total there is no telling how many had none:
 * `none` is null then, and `overlapping` says why the rows do not add up.
 */
export interface Remainder {
  other: { values: number; counts: number[] } | null;
  none: number[] | null;
  overlapping: boolean;
}

export function remainderRows(values: readonly (readonly number[])[], shown: number, total: readonly number[]): Remainder {
  const sum = (rows: readonly (readonly number[])[]) => total.map((_, i) => rows.reduce((s, r) => s + (r[i] ?? 0), 0));
  const rest = values.slice(shown);
  const other = rest.length > 0 ? { values: rest.length, counts: sum(rest) } : null;
  const left = sum(values).map((n, i) => total[i]! - n);
  const overlapping = left.some((n) => n < 0);
  const none = overlapping || left.every((n) => n === 0) ? null : left;
  return { other, none, overlapping };
}

/**
 * The remainder as table rows after the largest values, as the pages show it: "(other)" for the
 * values past those shown, "(none)" for the sessions with no value, so an export adds up too.
 */
export function remainderTableRows(remainder: Remainder): { value: string; label: string; counts: number[] }[] {
  const rows: { value: string; label: string; counts: number[] }[] = [];
  if (remainder.other) rows.push({ value: "(other)", label: `Other (${remainder.other.values} values)`, counts: remainder.other.counts });
  if (remainder.none) rows.push({ value: "(none)", label: "(none)", counts: remainder.none });
  return rows;
}
