import { describe, expect, it } from "vitest";
import { BEHIND_AFTER_MS, readModelNotices } from "./notices";

const NOW = Date.parse("2026-06-01T10:00:00Z");
const base = { position: 29_000, head: 29_000, oldestUnfoldedAt: null, now: NOW, building: null };

describe("what pages say about the read models", () => {
  it("nothing when the live generation has folded everything and nothing is being prepared", () => {
    expect(readModelNotices(base)).toEqual([]);
  });

  it("behind only once the first unfolded event has waited more than a moment", () => {
    const justAppended = { ...base, position: 28_000, oldestUnfoldedAt: new Date(NOW - 200) };
    expect(readModelNotices(justAppended)).toEqual([]);
    expect(readModelNotices({ ...justAppended, oldestUnfoldedAt: new Date(NOW - BEHIND_AFTER_MS) })).toEqual([
      "Showing sessions up to event 28,000 of 29,000; the newest are still being folded.",
    ]);
  });

  it("a new version being prepared, with its progress against the head", () => {
    expect(readModelNotices({ ...base, building: { position: 12_000 } })).toEqual([
      "Preparing a new version of the read models: 41% (12,000 of 29,000 events); pages show the current one until it is ready.",
    ]);
  });
});
