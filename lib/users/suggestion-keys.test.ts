import { describe, expect, it } from "vitest";
import { nextHighlight } from "./suggestion-keys";

describe("moving through suggestions by keyboard", () => {
  it("Down from nothing highlights the first, and wraps from the last to the first", () => {
    expect(nextHighlight(-1, "ArrowDown", 3)).toBe(0);
    expect(nextHighlight(1, "ArrowDown", 3)).toBe(2);
    expect(nextHighlight(2, "ArrowDown", 3)).toBe(0);
  });
  it("Up from nothing or the first highlights the last", () => {
    expect(nextHighlight(-1, "ArrowUp", 3)).toBe(2);
    expect(nextHighlight(0, "ArrowUp", 3)).toBe(2);
    expect(nextHighlight(2, "ArrowUp", 3)).toBe(1);
  });
  it("Escape clears the highlight, other keys are the text box's, and an empty list has nothing to highlight", () => {
    expect(nextHighlight(1, "Escape", 3)).toBe(-1);
    expect(nextHighlight(1, "a", 3)).toBeNull();
    expect(nextHighlight(1, "Home", 3)).toBeNull();
    expect(nextHighlight(-1, "ArrowDown", 0)).toBe(-1);
  });
});
