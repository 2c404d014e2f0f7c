import { describe, expect, it } from "vitest";
import { journeyVersionIn, journeyVersionLabel } from "./journey-version";

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
  const live = { definitions: { shop: 7, "@booking": 2 } };

  it("knows the built-in journeys from the code, the generic one included", () => {
    expect(journeyVersionIn(live, "holiday-booking")).toEqual({
      name: "holiday-booking",
      version: 2,
      builtIn: true,
      label: "holiday-booking (built-in, fold v2)",
    });
    expect(journeyVersionIn(live, "generic")).toMatchObject({ builtIn: true, label: "generic (built-in)" });
  });

  it("reads the booking fold's version under its @ key, and v1 for a generation made before fold versions were recorded", () => {
    expect(journeyVersionIn({ definitions: { "@booking": 3 } }, "holiday-booking").label).toBe("holiday-booking (built-in, fold v3)");
    expect(journeyVersionIn({ definitions: { shop: 1 } }, "holiday-booking").label).toBe("holiday-booking (built-in, fold v1)");
  });

  it("names a data journey with the version the generation folds with", () => {
    expect(journeyVersionIn(live, "shop")).toEqual({ name: "shop", version: 7, builtIn: false, label: "shop v7" });
  });
});
