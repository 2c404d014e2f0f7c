import { describe, expect, it } from "vitest";
import { withPlaces } from "../replay/moment";
import { codeLike, codesInState, nameCode, nameCodesIn } from "./place-label";

const places = new Map([["MLA", "Malta"]]);

describe("naming destination codes", () => {
  it("a known code reads as the place; a name, free text or an unknown code is left alone", () => {
    expect(nameCode("MLA", places)).toBe("Malta (MLA)");
    expect(nameCode("Malta (MLA)", places)).toBe("Malta (MLA)");
    expect(nameCode("Lisbon", places)).toBe("Lisbon");
    expect(nameCode("PMI", places)).toBe("PMI");
  });

  it("names each value of a record and picks only code-like values to look up", () => {
    expect(nameCodesIn({ destination: "MLA", dates: "5–10 Apr 2027" }, places)).toEqual({ destination: "Malta (MLA)", dates: "5–10 Apr 2027" });
    expect(codeLike(["MLA", "Lisbon", "MLA", 3, "Malta (MLA)", "BK-1"])).toEqual(["MLA"]);
  });

  it("finds the codes of a folded state a few levels down, and names the state panel's facts with them", () => {
    const state = { search: { code: "LIS", destination: "Lisbon" }, booking: { destination: "MLA", bookingId: "BK-1" }, step: "priced" };
    expect(codesInState(state).sort()).toEqual(["LIS", "MLA"]);
    const moment = { state, facts: { destination: "MLA", step: "Priced" }, changed: [] };
    expect(withPlaces(moment, { MLA: "Malta" }).facts).toEqual({ destination: "Malta (MLA)", step: "Priced" });
    expect(withPlaces(null, { MLA: "Malta" })).toBeNull();
  });
});
