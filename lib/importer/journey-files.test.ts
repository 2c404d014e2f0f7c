import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { globMatches } from "../glob/glob";
import { type JourneyDocument, validateJourneyDocument } from "../journeys/definition/definition-schema";
import { OTTO_SOURCE, OTTO_TYPES } from "./formats/otto";
import { TRIVAGO_SOURCE, TRIVAGO_TYPES } from "./formats/trivago-recsys2019";

const root = join(__dirname, "../..");
const folders = ["journeys", "journeys/examples"];
const files = folders.flatMap((folder) =>
  readdirSync(join(root, folder))
    .filter((f) => f.endsWith(".json"))
    .map((f) => join(folder, f)),
);
const read = (file: string): unknown => JSON.parse(readFileSync(join(root, file), "utf8"));
const example = (name: string) => read(`journeys/examples/${name}.json`) as JourneyDocument;

/** Every type glob a definition uses, with where: steps, facts, dimensions, drop reasons, describe. */
function typeGlobs(doc: JourneyDocument): [string, string][] {
  return [
    ...doc.steps.map((s, i): [string, string | undefined] => [`steps[${i}]`, s.when.type]),
    ...(doc.facts ?? []).map((f, i): [string, string | undefined] => [`facts[${i}]`, f.when?.type]),
    ...(doc.dimensions ?? []).map((d, i): [string, string | undefined] => [`dimensions[${i}]`, d.when?.type]),
    ...(doc.dropReasons ?? []).map((d, i): [string, string | undefined] => [`dropReasons[${i}]`, d.when.type]),
    ...Object.keys(doc.describe ?? {})
      .filter((k) => k !== "*")
      .map((k): [string, string] => [`describe.${k}`, k]),
  ].filter((entry): entry is [string, string] => entry[1] !== undefined);
}

describe("the journey definitions in the repository", () => {
  it("finds the three shipped examples", () => {
    expect(files).toEqual(
      expect.arrayContaining(["journeys/examples/trivago-recsys2019.json", "journeys/examples/otto.json", "journeys/examples/segment-ecommerce.json"]),
    );
  });

  it.each(files)("%s is a valid definition named after its file", (file) => {
    const result = validateJourneyDocument(read(file));
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.document.name).toBe(basename(file, ".json"));
  });

  it("names each journey once", () => {
    const names = files.map((f) => (read(f) as { name: string }).name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe.each([
  ["trivago-recsys2019", TRIVAGO_SOURCE, Object.values(TRIVAGO_TYPES)],
  ["otto", OTTO_SOURCE, Object.values(OTTO_TYPES)],
])("the %s example reads what `rewind import` writes", (name, source, types) => {
  const doc = example(name);

  it("claims every type the importer writes, from its source", () => {
    for (const type of types) {
      expect(
        doc.claims.types.some((g) => globMatches(g, type)),
        type,
      ).toBe(true);
      expect(
        doc.claims.sources.some((g) => globMatches(g, source)),
        source,
      ).toBe(true);
    }
  });

  it("uses no type glob that matches nothing the importer writes", () => {
    const dead = typeGlobs(doc).filter(([, glob]) => !types.some((t) => globMatches(glob, t)));
    expect(dead).toEqual([]);
  });
});

describe("the Segment e-commerce example", () => {
  const doc = example("segment-ecommerce");

  it("follows the spec's funnel, with the spec's event names as sent", () => {
    expect(doc.steps.map((s) => s.when.type)).toEqual([
      "Products Searched",
      "Product Viewed",
      "Product Added",
      "Checkout Started",
      "Payment Info Entered",
      "Order Completed",
    ]);
    expect(doc.outcome).toMatchObject({ completed: "ordered", abandonedAfter: "added" });
  });

  it("claims the spec's events, and not Segment's generic page, screen, identify or group calls", () => {
    const claimed = (type: string) => doc.claims.types.some((g) => globMatches(g, type));
    for (const type of [
      "Product List Viewed",
      "Product Removed",
      "Cart Viewed",
      "Checkout Step Viewed",
      "Order Refunded",
      "Coupon Denied",
      "Promotion Clicked",
    ]) {
      expect(claimed(type), type).toBe(true);
    }
    for (const type of ["page", "screen", "identify", "group", "Signed In"]) expect(claimed(type), type).toBe(false);
  });

  it("names in its resume link only facts it keeps", () => {
    const facts = new Set((doc.facts ?? []).map((f) => f.key));
    const named = [...(doc.resume?.url ?? "").matchAll(/\{facts\.([^}]+)\}/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((f) => !facts.has(f))).toEqual([]);
  });
});
