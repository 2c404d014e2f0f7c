import { describe, expect, it } from "vitest";
import { firstBlocked } from "./blocked-check";

const blocked = new Map([["jane@example.com", "erased, ticket 12"]]);
const ev = (id: string, userid: string | null) => ({ id, userid });

describe("firstBlocked", () => {
  it("names the first event whose user id is blocked, by index and id, with the reason and without the user id", () => {
    const refusal = firstBlocked([ev("a", "u1"), ev("b", null), ev("c", "jane@example.com"), ev("d", "jane@example.com")], blocked);
    expect(refusal).toMatchObject({ index: 2, id: "c", reason: "erased, ticket 12" });
    expect(refusal!.message).toBe('event 2 (id "c"): its user id is blocked: erased, ticket 12');
    expect(refusal!.message).not.toContain("jane@example.com");
  });

  it("passes events with other user ids or none, and everything when nothing is blocked", () => {
    expect(firstBlocked([ev("a", "u1"), ev("b", null), ev("c", "Jane@example.com")], blocked)).toBeNull();
    expect(firstBlocked([ev("a", "jane@example.com")], new Map())).toBeNull();
  });
});
