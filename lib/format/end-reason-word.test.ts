import { describe, expect, it } from "vitest";
import { END_REASONS } from "../journeys/drop-reasons";
import { endReasonWord } from "./end-reason-word";

describe("endReasonWord", () => {
  it("says each end reason in the drop reasons' words, which the queue and the funnel show", () => {
    expect(endReasonWord("timed_out")).toBe("Inactive");
    expect(endReasonWord("expired")).toBe("Session expired");
    for (const r of END_REASONS) expect(endReasonWord(r.key)).toBe(r.label);
  });

  it("names a live session, and keeps an unknown reason readable", () => {
    expect(endReasonWord("open")).toBe("Still open");
    expect(endReasonWord("closed_by_admin")).toBe("closed by admin");
  });
});
