import type { FunnelAnswer } from "../../lib/analytics/api-schemas";
import { readRange } from "../../lib/analytics/range";
import type { Store } from "../../lib/db/prisma";
import { checkDefinitionText } from "../../lib/journey-store/definition-store";
import { sessionTimeoutMs } from "../../lib/sessions/settings";
import { computeWhatIf } from "../../lib/what-if/compute-what-if";
import type { WhatIfResult } from "../../lib/what-if/what-if-result";

const DAY = /^\d{4}-\d\d-\d\d$/;
/** Changed session ids the command lists (the job keeps up to 200). */
const LISTED = 20;

/** The draft checked before anything is read: an invalid file names each error at its path. */
export function checkWhatIfDraft(file: string, text: string, range: { from?: string; to?: string }) {
  for (const [flag, value] of Object.entries(range)) {
    if (value !== undefined && (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))))
      throw new Error(`journeys what-if: --${flag} must be a UTC day, YYYY-MM-DD`);
  }
  if (range.from && range.to && range.from > range.to) throw new Error("journeys what-if: --from must not be after --to");
  const checked = checkDefinitionText(text);
  if (!checked.ok) {
    const lines = checked.errors.map((e) => `  ${e.path}: ${e.message}`);
    throw new Error(`journeys what-if: ${file} is not a valid journey definition (${lines.length} error(s)):\n${lines.join("\n")}`);
  }
  return { document: checked.document, range: readRange(range) };
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? String(n) : "±0");

/** Both funnels step by step, side by side, with the difference. */
export function funnelLines(current: FunnelAnswer, draft: FunnelAnswer): string[] {
  const steps = [...new Set([...current.steps.map((s) => s.key), ...draft.steps.map((s) => s.key)])];
  const width = Math.max(8, ...steps.map((k) => (draft.steps.find((s) => s.key === k) ?? current.steps.find((s) => s.key === k))!.label.length));
  const row = (label: string, a: number | string, b: number | string, d: string) =>
    `  ${label.padEnd(width)}  ${String(a).padStart(8)}  ${String(b).padStart(8)}  ${d.padStart(6)}`;
  const lines = [row("", "current", "draft", "diff"), row("sessions", current.sessions, draft.sessions, signed(draft.sessions - current.sessions))];
  for (const key of steps) {
    const a = current.steps.find((s) => s.key === key);
    const b = draft.steps.find((s) => s.key === key);
    lines.push(row((b ?? a)!.label, a?.sessions ?? "–", b?.sessions ?? "–", signed((b?.sessions ?? 0) - (a?.sessions ?? 0))));
  }
  return lines;
}

export function resultLines(result: WhatIfResult): string[] {
  const lines = [`Funnel of ${result.draft.journey}, ${result.draft.from} to ${result.draft.to}:`, ...funnelLines(result.current, result.draft)];
  lines.push(result.outcomeChanges.length === 0 ? "No outcome changes." : "Outcome changes:");
  for (const c of result.outcomeChanges) lines.push(`  ${c.from} → ${c.to}: ${c.sessions} session(s)`);
  const listed = result.changes.slice(0, LISTED);
  lines.push(
    listed.length === 0
      ? "No session changes."
      : `Changed sessions (first ${listed.length} of ${result.changes.length}${result.changes.length >= 200 ? "+" : ""}):`,
  );
  for (const c of listed)
    lines.push(`  ${c.sessionId ?? `(new, first event ${c.firstPosition})`}  ${c.kind}  ${c.current?.outcome ?? "–"} → ${c.draft?.outcome ?? "–"}`);
  return lines;
}

/** `journeys what-if <file> [--from D --to D]`: the fold in the foreground, progress on the way, nothing written. */
export async function whatIf(store: Store, draft: ReturnType<typeof checkWhatIfDraft>): Promise<void> {
  console.log(`What-if of ${draft.document.name} over ${draft.range.from} to ${draft.range.to}: folding every event in memory (nothing is written)…`);
  let printedAt = 0;
  const result = await computeWhatIf(store, draft.document, draft.range, {
    timeoutMs: sessionTimeoutMs(),
    onProgress: (done, total) => {
      if (performance.now() - printedAt > 1_000 || done === total) {
        printedAt = performance.now();
        console.log(`  ${done} of ${total} events`);
      }
      return true;
    },
  });
  for (const line of resultLines(result!)) console.log(line);
}
