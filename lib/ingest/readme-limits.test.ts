import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_INDEXED_ATTRIBUTE_BYTES } from "./event-shape";
import { eventShapeLimits, ingestLimits } from "./limits";

/**
 * The README's limits table is what producers read: every row must give the default the code
 * applies and the variable that changes it. Which limit a variable sets is found by setting it, so
 * a row naming the wrong variable fails as surely as a row with the wrong default.
 */
const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");

function limitRows(): { what: string; defaultText: string; variable: string }[] {
  const start = readme.indexOf("| limit | default | variable | over it |");
  expect(start, "the README has the limits table").toBeGreaterThan(-1);
  const lines = readme.slice(start).split("\n").slice(2);
  const rows = [];
  for (const line of lines) {
    if (!line.startsWith("|")) break;
    const [what, defaultText, variable] = line
      .split("|")
      .slice(1, 4)
      .map((c) => c.trim());
    rows.push({ what: what!, defaultText: defaultText!, variable: variable! });
  }
  return rows;
}

/** "10 MiB (10,485,760 bytes)" → 10485760; "64" → 64; "262,144 characters" → 262144. */
function statedNumber(text: string): number {
  const exact = /\(([\d,]+) bytes\)/.exec(text)?.[1] ?? /[\d,]+/.exec(text)?.[0];
  return Number(exact!.replaceAll(",", ""));
}

const allLimits = (env: Record<string, string>) => ({ ...ingestLimits(env), ...eventShapeLimits(env) });

describe("the README's limits table", () => {
  const rows = limitRows();

  it("has a row for every configurable limit, and each names the default the code applies", () => {
    const defaults = allLimits({});
    const covered = new Set<string>();
    for (const row of rows.filter((r) => r.variable.startsWith("`REWIND_"))) {
      const variable = row.variable.replaceAll("`", "");
      const changed = Object.entries(allLimits({ [variable]: "7" })).filter(([key, value]) => defaults[key as keyof typeof defaults] !== value);
      expect(
        changed.map(([key]) => key),
        `${variable} sets exactly one limit`,
      ).toHaveLength(1);
      const [key] = changed[0]!;
      expect(statedNumber(row.defaultText), `${row.what}: README default`).toBe(defaults[key as keyof typeof defaults]);
      covered.add(key);
    }
    expect([...covered].sort()).toEqual(Object.keys(defaults).sort());
  });

  it("states the fixed cap on indexed attributes as the code has it", () => {
    const fixed = rows.find((r) => r.variable.startsWith("fixed"));
    expect(statedNumber(fixed!.defaultText)).toBe(MAX_INDEXED_ATTRIBUTE_BYTES);
  });
});
