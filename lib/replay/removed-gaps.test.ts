import { describe, expect, it } from "vitest";
import { gapRows, gapWords, timelineRows } from "./removed-gaps";

const rule = "search.* kept 90 days (retention policy v3)";
const purgedAt = "2026-06-19T03:00:00.000Z";
const occurredAt = "2026-06-02T10:00:00.000Z";

describe("gaps a purge leaves in a replay", () => {
  it("places each removed event after the remaining event before it, checked against a plain walk of the session", () => {
    const held = [true, false, false, true, true, false, true, false];
    const removed = held.flatMap((h, seq) => (h ? [] : [{ seq, position: 100 + seq, type: `t${seq}`, occurredAt, rule, purgedAt }]));
    const gaps = gapRows([...removed].reverse());
    // The plain walk: count the remaining events seen before each removed one.
    const expected: number[] = [];
    let seen = 0;
    for (const h of held) {
      if (h) seen++;
      else expected.push(seen - 1);
    }
    expect(gaps.map((g) => g.after)).toEqual(expected);
    const rows = timelineRows(held.filter(Boolean).length, gaps);
    expect(rows.map((r) => (r.kind === "event" ? `e${r.index}` : r.gap.type))).toEqual(["e0", "t1", "t2", "e1", "e2", "t5", "e3", "t7"]);
  });

  it("a session purged from its start opens with its gaps", () => {
    const rows = timelineRows(1, gapRows([{ seq: 0, position: 7, type: "a", occurredAt, rule, purgedAt }]));
    expect(rows).toEqual([
      { kind: "gap", gap: { after: -1, position: 7, type: "a", occurredAt, rule, purgedAt } },
      { kind: "event", index: 0 },
    ]);
  });

  it("says which rule removed it and when, in UTC", () => {
    expect(gapWords({ rule, purgedAt })).toBe("Removed by retention: search.* kept 90 days (retention policy v3), 19 Jun 2026 03:00 UTC");
  });
});
