import { describe, expect, it } from "vitest";
import { maskValue } from "../privacy/mask";
import { customerHref } from "../users/customer-href";
import { atPosition, flowHref, positionAddress } from "./event-address";

describe("addressing a stream or flow by one of its events", () => {
  it.each([
    ["@1", 1],
    ["@1234", 1234],
    [atPosition(98765), 98765],
    ["@0", null],
    ["@", null],
    ["@12a", null],
    ["1234", null],
    ["booking/@12", null],
    ["@01", null],
  ])("%s is position %s", (segment, position) => {
    expect(positionAddress(segment)).toBe(position);
  });

  it("links a flow whose id came masked by position, one in clear by its id", () => {
    expect(flowHref(maskValue("jane.doe@example.com"), 42)).toBe("/flows/@42#event-42");
    expect(flowHref("FL-1 2", 42)).toBe("/flows/FL-1%202#event-42");
  });

  it("links a customer whose id came masked by reference, one in clear by their id", () => {
    expect(customerHref(maskValue("jane.doe@example.com"), "cus_0123456789abcdef0123")).toBe("/users/cus_0123456789abcdef0123");
    expect(customerHref("usr-7", "cus_0123456789abcdef0123")).toBe("/users/usr-7");
    expect(customerHref("a b", null)).toBe("/users/a%20b");
  });
});
