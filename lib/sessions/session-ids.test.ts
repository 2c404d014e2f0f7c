import { describe, expect, it } from "vitest";
import { journeyBuilder } from "../testing/journey-builder";
import { assignSessionIds, deriveSessionId } from "./session-ids";
import type { SessionDraft } from "./sessionize";

const draft = (positions: number[], producerSessionId: string | null = null): SessionDraft => {
  const b = journeyBuilder();
  return { events: positions.map((p) => ({ ...b.event("x"), position: p })), producerSessionId, endReason: "timed_out" };
};

describe("session ids", () => {
  it("derive from the earliest-appended event, so a late event never changes them", () => {
    expect(deriveSessionId([{ position: 7 }, { position: 3 }], "u")).toBe(deriveSessionId([{ position: 3 }], "u"));
    expect(deriveSessionId([{ position: 3 }], "u")).not.toBe(deriveSessionId([{ position: 3 }], "v"));
  });

  it("use the producer's id, suffixed if a producer id comes back after another session", () => {
    expect(assignSessionIds([], [draft([1], "S"), draft([2], "T"), draft([3], "S")], "u").ids).toEqual(["S", "T", "S~3"]);
  });

  it("a merge keeps the id of the session that existed first and aliases the other to it", () => {
    const a = deriveSessionId([{ position: 1 }], "u");
    const b = deriveSessionId([{ position: 5 }], "u");
    const result = assignSessionIds(
      [
        { id: a, startedAt: 0, positions: new Set([1, 2]) },
        { id: b, startedAt: 10, positions: new Set([5, 6]) },
      ],
      [draft([1, 2, 9, 5, 6])],
      "u",
    );
    expect(result.ids).toEqual([a]);
    expect(result.aliases).toEqual([{ alias: b, target: a }]);
  });
});
