import { describe, expect, it } from "vitest";
import { BOOKING_FOLD_VERSION } from "../../journeys/built-in-folds";
import { builtInFoldChanges, dataDefinitions, versionOfJourney } from "./built-in-versions";
import { diskWords, foldedWithWords } from "./generation-words";

describe("a generation in words", () => {
  it("names its stored definitions by name, then the built-in folds", () => {
    expect(foldedWithWords({ "@booking": 2, shop: 3, flights: 1 })).toBe("flights v1, shop v3, booking fold v2");
    // Made before fold versions were recorded: version 1.
    expect(foldedWithWords({})).toBe("booking fold v1");
  });

  it("disk in powers of 1,024, unknown when the store cannot tell", () => {
    expect(diskWords(0)).toBe("0 bytes");
    expect(diskWords(1023)).toBe("1,023 bytes");
    expect(diskWords(1536)).toBe("1.5 KB");
    expect(diskWords(250 * 1024 * 1024)).toBe("250 MB");
    expect(diskWords(null)).toBe("unknown");
  });
});

describe("built-in fold versions in a definitions map", () => {
  it("versionOfJourney answers a stored definition's version, a built-in journey's fold version, null for others", () => {
    const generation = { definitions: { shop: 3, "@booking": 2 } };
    expect(versionOfJourney(generation, "shop")).toBe(3);
    expect(versionOfJourney(generation, "holiday-booking")).toBe(2);
    expect(versionOfJourney(generation, "booking")).toBe(2);
    expect(versionOfJourney(generation, "@booking")).toBe(2);
    expect(versionOfJourney(generation, "flights")).toBeNull();
    expect(versionOfJourney(generation, "@flights")).toBeNull();
    expect(versionOfJourney({ definitions: {} }, "holiday-booking")).toBe(1);
  });

  it("the catalog's stored definitions leave the '@' keys out; a changed fold is named with the generation's version", () => {
    expect(dataDefinitions({ shop: 3, "@booking": 2 })).toEqual({ shop: 3 });
    expect(builtInFoldChanges({ "@booking": BOOKING_FOLD_VERSION })).toEqual([]);
    expect(builtInFoldChanges({ "@booking": BOOKING_FOLD_VERSION + 1 })).toEqual([`booking fold v${BOOKING_FOLD_VERSION + 1}`]);
  });
});
