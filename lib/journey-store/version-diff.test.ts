import { describe, expect, it } from "vitest";
import { diffText, lineDiff, readableDiff, versionDiff, type DiffLine } from "./version-diff";

const shop = {
  name: "shop",
  label: "Shop visits",
  priority: 10,
  steps: [
    { key: "viewed", label: "Viewed a product" },
    { key: "carted", label: "Added to cart" },
    { key: "ordered", label: "Ordered" },
  ],
  outcome: { completed: "ordered", abandonedAfter: "carted" },
};

/** Either side of a diff, rebuilt from its lines: what a reader of the diff can reconstruct. */
const side = (lines: readonly DiffLine[], which: "before" | "after") =>
  lines
    .filter((l) => l[which] !== null)
    .map((l) => l.text)
    .join("\n");

describe("lineDiff", () => {
  it("holds both texts whole, each line numbered in the text it belongs to", () => {
    const after = { ...shop, label: "Shop", steps: [...shop.steps, { key: "paid", label: "Paid" }] };
    const lines = lineDiff(diffText(shop), diffText(after));
    expect(side(lines, "before")).toBe(diffText(shop).trimEnd());
    expect(side(lines, "after")).toBe(diffText(after).trimEnd());
    for (const which of ["before", "after"] as const) {
      const numbers = lines.map((l) => l[which]).filter((n) => n !== null);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it("marks only what changed: a relabelled step is one line removed and one added", () => {
    const after = structuredClone(shop);
    after.steps[1]!.label = "Put in the basket";
    const changed = lineDiff(diffText(shop), diffText(after)).filter((l) => l.kind !== "same");
    const line = diffText(shop).split("\n").indexOf('      "label": "Added to cart"') + 1;
    expect(changed).toEqual([
      { kind: "removed", text: '      "label": "Added to cart"', before: line, after: null },
      { kind: "added", text: '      "label": "Put in the basket"', before: null, after: line },
    ]);
  });
});

describe("readableDiff", () => {
  it("keeps two lines of context around a change and folds the rest into counted skips", () => {
    const after = structuredClone(shop);
    after.steps[1]!.label = "Put in the basket";
    const pieces = readableDiff(lineDiff(diffText(shop), diffText(after)));
    expect(pieces.map((p) => p.kind)).toEqual(["skipped", "same", "same", "removed", "added", "same", "same", "skipped"]);
    const total = diffText(shop).trimEnd().split("\n").length;
    const shown = pieces.filter((p) => p.kind === "same" || p.kind === "removed").length;
    const skipped = pieces.reduce((n, p) => n + (p.kind === "skipped" ? p.lines : 0), 0);
    expect(shown + skipped).toBe(total);
  });

  it("shows nothing but one skip for equal documents", () => {
    expect(readableDiff(lineDiff(diffText(shop), diffText(structuredClone(shop))))).toEqual([
      { kind: "skipped", lines: diffText(shop).trimEnd().split("\n").length },
    ]);
  });
});

describe("versionDiff", () => {
  it("reads the first version as every line added", () => {
    const pieces = versionDiff(null, shop);
    expect(pieces.every((p) => p.kind === "added")).toBe(true);
    expect(pieces).toHaveLength(diffText(shop).trimEnd().split("\n").length);
  });

  it("compares the documents, not the text as typed: one saved minified reads as no change", () => {
    const minified = JSON.parse(JSON.stringify(shop));
    expect(versionDiff(shop, minified).every((p) => p.kind === "skipped")).toBe(true);
  });
});
