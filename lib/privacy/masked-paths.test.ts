import { describe, expect, it } from "vitest";
import { maskedPaths } from "./masked-paths";

describe("maskedPaths", () => {
  it("lists the leaves masking changed, nested in objects and lists, and none it left", () => {
    const raw = { city: "Leeds", email: "a@b.c", travellers: [{ name: "Ann", age: 30 }, { name: "Bo" }] };
    const masked = { city: "Leeds", email: "•@•.•", travellers: [{ name: "•••", age: 30 }, { name: "••" }] };
    expect(maskedPaths(raw, masked)).toEqual(["email", "travellers[0].name", "travellers[1].name"]);
    expect(maskedPaths(raw, raw)).toEqual([]);
  });

  it("counts an object masked whole as one value, and a masked top-level string too", () => {
    expect(maskedPaths({ traits: { a: 1 } }, { traits: "•••" })).toEqual(["traits"]);
    expect(maskedPaths("a@b.c", "•@•.•")).toEqual(["(the whole value)"]);
  });
});
