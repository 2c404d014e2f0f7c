import { describe, expect, it } from "vitest";
import { remainderRows, remainderTableRows } from "./remainder-rows";

/** The rows a table shows: the first `shown` values, then Other and (none) when there are any. */
function tableRows(values: number[][], shown: number, total: number[]) {
  const { other, none } = remainderRows(values, shown, total);
  return [...values.slice(0, shown), ...(other ? [other.counts] : []), ...(none ? [none] : [])];
}

describe("remainderRows", () => {
  it("sums the values past the shown ones into Other, and what no value covers into (none)", () => {
    const values = [
      [50, 20],
      [30, 10],
      [10, 5],
      [4, 1],
    ];
    expect(remainderRows(values, 2, [100, 40])).toEqual({ other: { values: 2, counts: [14, 6] }, none: [6, 4], overlapping: false });
  });

  it("adds no row when every value is shown and every session has one", () => {
    expect(
      remainderRows(
        [
          [3, 1],
          [2, 0],
        ],
        12,
        [5, 1],
      ),
    ).toEqual({ other: null, none: null, overlapping: false });
  });

  it("says it cannot tell (none) when sessions have several values each", () => {
    expect(remainderRows([[4], [3]], 1, [5])).toEqual({ other: { values: 1, counts: [3] }, none: null, overlapping: true });
  });

  it("makes the table add up to the total a plain loop over sessions counts", () => {
    // Sessions with at most one value each (null: none), and whether each completed.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const sessions = Array.from({ length: 5_000 }, () => ({
      value: random() < 0.05 ? null : `v${Math.floor(random() ** 2 * 40)}`,
      completed: random() < 0.3,
    }));
    const byValue = new Map<string, number[]>();
    for (const s of sessions) {
      if (s.value === null) continue;
      const row = byValue.get(s.value) ?? [0, 0];
      row[0]! += 1;
      row[1]! += s.completed ? 1 : 0;
      byValue.set(s.value, row);
    }
    const values = [...byValue.values()].sort((a, b) => b[0]! - a[0]!);
    let sessionsTotal = 0;
    let completedTotal = 0;
    for (const s of sessions) {
      sessionsTotal += 1;
      completedTotal += s.completed ? 1 : 0;
    }
    const rows = tableRows(values, 12, [sessionsTotal, completedTotal]);
    expect(rows).toHaveLength(14);
    expect(rows.reduce((n, r) => n + r[0]!, 0)).toBe(5_000);
    expect(rows.reduce((n, r) => n + r[1]!, 0)).toBe(completedTotal);
    expect(rows.at(-1)![0]).toBe(sessions.filter((s) => s.value === null).length);
  });
});

describe("remainderTableRows", () => {
  it("gives Other and (none) as table rows, in that order, and nothing when nothing is left", () => {
    const remainder = remainderRows([[50], [30], [10], [4]], 2, [100]);
    expect(remainderTableRows(remainder)).toEqual([
      { value: "(other)", label: "Other (2 values)", counts: [14] },
      { value: "(none)", label: "(none)", counts: [6] },
    ]);
    expect(remainderTableRows(remainderRows([[3], [2]], 12, [5]))).toEqual([]);
  });
});
