import { describe, expect, it } from "vitest";
import { acceptedRequestId, currentRequestId, requestIdOf, runInRequest } from "./request-id";

describe("a request id", () => {
  it("is kept when it is a short safe token", () => {
    for (const id of ["abc", "7f3c2a9e-1b2d-4c5e-8f90-123456789abc", "lb.2026-12-04:17", "A".repeat(64)]) {
      expect(acceptedRequestId(id), id).toBe(id);
      expect(requestIdOf(id)).toBe(id);
    }
  });

  it("is replaced when it is long, empty, or could carry anything else", () => {
    for (const id of ["", "A".repeat(65), "ann.smith@example.com", "a b", "a\nb", "-leading", "<script>", "a/b", "é"]) {
      expect(acceptedRequestId(id), JSON.stringify(id)).toBeNull();
      const replaced = requestIdOf(id);
      expect(replaced).not.toBe(id);
      expect(acceptedRequestId(replaced)).toBe(replaced);
    }
    expect(acceptedRequestId(undefined)).toBeNull();
    expect(acceptedRequestId(["a", "b"])).toBeNull();
    expect(acceptedRequestId(["one"])).toBe("one");
  });

  it("is new for each request that sent none", () => {
    const ids = new Set(Array.from({ length: 50 }, () => requestIdOf(undefined)));
    expect(ids.size).toBe(50);
  });

  it("is what code running for the request sees, across awaits, and nothing outside", async () => {
    expect(currentRequestId()).toBeNull();
    const seen = await runInRequest({ requestId: "r-1" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentRequestId();
    });
    expect(seen).toBe("r-1");
    expect(currentRequestId()).toBeNull();
  });
});
