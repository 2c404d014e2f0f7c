import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("where sign-in may send you next", () => {
  it("keeps paths of this site", () => {
    expect(safeNext("/sessions/s1?at=3")).toBe("/sessions/s1?at=3");
    expect(safeNext("/users?query=a%20b#x")).toBe("/users?query=a%20b#x");
  });

  it("refuses anything a browser would read as another origin", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example", "evil", "", null, 42]) {
      expect(safeNext(bad), String(bad)).toBeNull();
    }
  });
});
