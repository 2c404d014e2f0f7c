import { describe, expect, it } from "vitest";
import { maskValue } from "../privacy/mask";
import { readExplorerFilter, suggestTypePattern, toFeedFilter, typeFamilies } from "./explorer-filter";

describe("readExplorerFilter", () => {
  it("reads every filter from the URL and drops empty ones", () => {
    const { filter, problems } = readExplorerFilter({
      type: "booking.started",
      user: "u-1",
      stream: "",
      from: "2026-06-01",
      to: "2026-06-02T10:30",
    });
    expect(problems).toEqual([]);
    expect(filter.type).toBe("booking.started");
    expect(filter.stream).toBeUndefined();
    expect(filter.from?.toISOString()).toBe("2026-06-01T00:00:00.000Z");
    expect(filter.to?.toISOString()).toBe("2026-06-02T10:30:00.000Z");
    expect(toFeedFilter(filter)).toMatchObject({ type: "booking.started", userid: "u-1" });
  });

  it("names a malformed date and keeps the other filters", () => {
    const { filter, problems } = readExplorerFilter({ type: "x", from: "not-a-date" });
    expect(problems).toEqual(['from: "not-a-date" is not a date']);
    expect(filter.type).toBe("x");
    expect(filter.from).toBeUndefined();
  });

  it("ignores repeated parameters rather than guessing", () => {
    expect(readExplorerFilter({ type: ["a", "b"] }).filter.type).toBeUndefined();
  });
});

describe("the type filter's patterns (the product's glob syntax)", () => {
  const known = ["booking.booking.confirmed", "search.destination.viewed", "search.destinations.searched", "offers.offer.viewed"];
  const typeOf = (type: string) => toFeedFilter(readExplorerFilter({ type }).filter, known).type;

  it("keeps a plain type as typed, matched exactly (what the field has always done), even one the store has not seen", () => {
    expect(typeOf("booking.booking.confirmed")).toBe("booking.booking.confirmed");
    expect(typeOf("search")).toBe("search");
    expect(typeOf("not.yet.seen")).toBe("not.yet.seen");
  });

  it("resolves a pattern or a comma-separated list to the store's types it matches", () => {
    expect(typeOf("search.*")).toEqual(["search.destination.viewed", "search.destinations.searched"]);
    expect(typeOf("*.viewed")).toEqual(["search.destination.viewed", "offers.offer.viewed"]);
    expect(typeOf("search.*, offers.offer.viewed")).toEqual(["search.destination.viewed", "search.destinations.searched", "offers.offer.viewed"]);
    expect(typeOf("booking.booking.confirmed,offers.offer.viewed")).toEqual(["booking.booking.confirmed", "offers.offer.viewed"]);
    expect(typeOf("payment.*")).toEqual([]); // matches nothing: an empty list, not "any type"
  });

  it("matches a pattern against a type as the explorer shows it, so a masked type cannot be probed out", () => {
    const stored = ["x/jane.doe@example.com", "search.destination.viewed"];
    const shown = (t: string) => (t.includes("@") ? maskValue(t) : t);
    const resolve = (type: string) => toFeedFilter(readExplorerFilter({ type }).filter, stored, shown).type;
    expect(resolve("*j*")).toEqual([]);
    expect(resolve("*jane*")).toEqual([]);
    expect(resolve("x/*")).toEqual(["x/jane.doe@example.com"]);
    expect(resolve(`${maskValue("x/jane.doe@example.com")}`)).toBe(maskValue("x/jane.doe@example.com")); // a plain type stays exact
  });
});

describe("the type picker and the pattern offered for a plain word", () => {
  const stored = ["payment.payment.succeeded", "shop.payment.failed", "search.destination.viewed", "legacy"];
  const suggest = (type: string) => suggestTypePattern(readExplorerFilter({ type }).filter, stored);

  it("offers one family per first segment, sorted, and none for a type without a dot", () => {
    expect(typeFamilies(stored)).toEqual(["payment.*", "search.*", "shop.*"]);
  });

  it("offers *word* for a plain word the store holds no type of, counting the types it finds", () => {
    expect(suggest("payment")).toEqual({ pattern: "*payment*", matches: 2 });
    // A plain loop over the stored types agrees with the count.
    expect(suggest("payment")?.matches).toBe(stored.filter((t) => t.includes("payment")).length);
  });

  it("offers nothing for a stored type, a pattern already, or a word no type contains", () => {
    expect(suggest("legacy")).toBeNull();
    expect(suggest("payment.*")).toBeNull();
    expect(suggest("refund")).toBeNull();
  });
});
