import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("where sign-in may send you next", () => {
  it("keeps paths of this site", () => {
    expect(safeNext("/sessions/s1?at=3")).toBe("/sessions/s1?at=3");
    expect(safeNext("/users?query=a%20b#x")).toBe("/users?query=a%20b#x");
    // An escaped slash inside a segment is a legitimate id (a correlation id with a slash).
    expect(safeNext("/flows/FL%2F1")).toBe("/flows/FL%2F1");
    expect(safeNext("/events?stream=%2F%2Fnot-a-host")).toBe("/events?stream=%2F%2Fnot-a-host");
  });

  it("sends the normalised path, dot segments resolved", () => {
    expect(safeNext("/users/./u1/../u2")).toBe("/users/u2");
    expect(safeNext("/../users")).toBe("/users");
  });

  it("refuses anything a browser would read as another origin", () => {
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "https://evil.example",
      "evil",
      "",
      null,
      42,
    ]) {
      expect(safeNext(bad), String(bad)).toBeNull();
    }
  });

  it("refuses a path whose normalised form starts with two slashes", () => {
    for (const bad of [
      "/.//evil.example/x",
      "/..//evil.example",
      "/a/../..//evil.example",
      "/x/%2e%2e//evil.example",
      "/%2e//evil.example",
      "/./\\evil.example",
    ]) {
      expect(safeNext(bad), bad).toBeNull();
    }
  });

  it("refuses escaped slashes, backslashes and control characters at the start", () => {
    for (const bad of [
      "/%2f%2fevil.example",
      "/%2F/evil.example",
      "/%2fevil.example",
      "/%5cevil.example",
      "/%5C%5Cevil.example",
      "/.%2f/evil.example",
      "/%2e/%2fevil.example",
      "/%09/evil.example",
      "/%0a/evil.example",
      "/x%5c..",
      "/%zz",
    ]) {
      expect(safeNext(bad), bad).toBeNull();
    }
  });
});
