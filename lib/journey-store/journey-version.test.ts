import { describe, expect, it } from "vitest";
import { journeyVersionIn, journeyVersionLabel, versionOfJourney } from "./journey-version";

describe("versionOfJourney", () => {
  it("reads a data journey's stored version under its name", () => {
    expect(versionOfJourney({ definitions: { shop: 3, "@holiday-booking": 2 } }, "shop")).toBe(3);
  });

  it("reads a built-in journey's fold version under @<name>", () => {
    expect(versionOfJourney({ definitions: { shop: 3, "@holiday-booking": 2 } }, "holiday-booking")).toBe(2);
  });

  it("answers null for a journey the generation does not record", () => {
    expect(versionOfJourney({ definitions: { shop: 3 } }, "holiday-booking")).toBeNull();
    expect(versionOfJourney({ definitions: {} }, "shop")).toBeNull();
  });
});

describe("journeyVersionLabel", () => {
  it("names a data journey by its stored version", () => {
    expect(journeyVersionLabel("shop", 3, false)).toBe("shop v3");
  });

  it("names a built-in journey by its fold version, or as built in when none is recorded", () => {
    expect(journeyVersionLabel("holiday-booking", 2, true)).toBe("holiday-booking (built-in, fold v2)");
    expect(journeyVersionLabel("holiday-booking", null, true)).toBe("holiday-booking (built-in)");
  });

  it("says so when a data journey's version is not recorded, rather than inventing one", () => {
    expect(journeyVersionLabel("shop", null, false)).toBe("shop (version not recorded)");
  });
});

describe("journeyVersionIn", () => {
  const live = { definitions: { shop: 7, "@holiday-booking": 2 } };

  it("knows the built-in journeys from the code, the generic one included", () => {
    expect(journeyVersionIn(live, "holiday-booking")).toEqual({
      name: "holiday-booking",
      version: 2,
      builtIn: true,
      label: "holiday-booking (built-in, fold v2)",
    });
    expect(journeyVersionIn(live, "generic")).toMatchObject({ builtIn: true, label: "generic (built-in)" });
  });

  it("names a data journey with the version the generation folds with", () => {
    expect(journeyVersionIn(live, "shop")).toEqual({ name: "shop", version: 7, builtIn: false, label: "shop v7" });
  });
});
