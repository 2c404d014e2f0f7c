import { diffLines } from "diff";

/** One line of a diff between two versions, with its line number in each (null where it is not in that one). */
export interface DiffLine {
  kind: "added" | "removed" | "same";
  text: string;
  before: number | null;
  after: number | null;
}

/** What a readable diff shows: changed lines with a little context, the long unchanged stretches folded away. */
export type DiffPiece = DiffLine | { kind: "skipped"; lines: number };

/** Unchanged lines kept either side of a change. */
export const CONTEXT_LINES = 2;

/** A document as the diff reads it: pretty-printed the one way, so a version saved minified or reindented differs only where its content does. */
export const diffText = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

const splitLines = (value: string): string[] => {
  const lines = value.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
};

/** Every line of both texts in diff order, numbered in each. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const out: DiffLine[] = [];
  let b = 1;
  let a = 1;
  for (const part of diffLines(before, after)) {
    for (const text of splitLines(part.value)) {
      if (part.added) out.push({ kind: "added", text, before: null, after: a++ });
      else if (part.removed) out.push({ kind: "removed", text, before: b++, after: null });
      else out.push({ kind: "same", text, before: b++, after: a++ });
    }
  }
  return out;
}

/** The changed lines and `context` lines around each; every longer unchanged stretch becomes one "skipped" piece. */
export function readableDiff(lines: readonly DiffLine[], context = CONTEXT_LINES): DiffPiece[] {
  const near = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, i) => {
    if (line.kind === "same") return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) near[k] = true;
  });
  const out: DiffPiece[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (near[i]) {
      if (skipped > 0) out.push({ kind: "skipped", lines: skipped });
      skipped = 0;
      out.push(line);
    } else skipped++;
  });
  if (skipped > 0) out.push({ kind: "skipped", lines: skipped });
  return out;
}

/** How one stored version differs from the one before it, as JSON lines (null before: the first version, every line added). */
export function versionDiff(before: unknown | null, after: unknown): DiffPiece[] {
  return readableDiff(lineDiff(before === null ? "" : diffText(before), diffText(after)));
}
