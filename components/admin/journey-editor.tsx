"use client";

import { useActionState, useMemo, useState } from "react";
import type { JourneyEditorResult } from "@/lib/actions/journeys";
import { lineOfParseError, lineOfPath, linesOfPaths } from "@/lib/journey-store/json-locate";
import { buttonClass } from "../ui/button";
import { Notice } from "../ui/notice";
import { JourneyPreview } from "./journey-preview";
import { JsonEditor } from "./json-editor";
import { WhatIfPanel } from "./what-if/what-if-panel";
import type { DayRange } from "@/lib/analytics/range";
import type { WhatIfAnswer } from "@/lib/data/what-if";

type EditorAction = (state: JourneyEditorResult, form: FormData) => Promise<JourneyEditorResult>;

/**
 * A definition's JSON, previewed on recent sessions before it is saved. The text is kept by the
 * browser (a refused save keeps the admin's change); errors are listed with their JSON path and
 * marked on their line. A new definition starts empty; the example is put in only when asked
 * for, and cannot be saved as it is (it would store a sample journey and fold every event again).
 */
export function JourneyEditor({
  initial,
  example,
  preview,
  save,
  basedOn,
  retry,
  whatIf,
}: {
  initial: string;
  /** a sample definition offered as "Start from an example" (new definitions only) */
  example?: string;
  preview: EditorAction;
  save: EditorAction;
  /** the stored version the text starts from: a version saved by someone else meanwhile is refused as a conflict */
  basedOn?: { name: string; version: number };
  /** the newest version failed to build: its stored text, to build it again as it is */
  retry?: { version: number; source: string };
  /** the what-if the page found (its id in the URL, or the definition's latest), and the range offered */
  whatIf: { initial: WhatIfAnswer | null; defaultRange: DayRange };
}) {
  const [text, setText] = useState(initial);
  const [previewed, runPreview, previewing] = useActionState(preview, null);
  const [saved, runSave, saving] = useActionState(save, null);
  const [latest, setLatest] = useState<"preview" | "save" | null>(null);
  const result = latest === "save" ? saved : latest === "preview" ? previewed : null;
  const errors = result?.kind === "errors" ? result.errors : [];
  const located = useMemo(() => {
    const lines = linesOfPaths(text);
    return errors.map((e) => ({ ...e, line: (e.path === "(the document)" ? lineOfParseError(text, e.message) : null) ?? lineOfPath(lines, e.path) }));
  }, [errors, text]);
  const errorLines = new Map<number, string[]>();
  for (const e of located) errorLines.set(e.line, [...(errorLines.get(e.line) ?? []), `${e.path}: ${e.message}`]);
  const name = /"name"\s*:\s*"([^"]*)"/.exec(text)?.[1] ?? "";
  const blank = text.trim() === "";
  const untouchedExample = example !== undefined && text.trim() === example.trim();
  return (
    <div className="space-y-3">
      <form aria-label="Journey definition" className="space-y-3">
        {example !== undefined && (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <button type="button" onClick={() => setText(example)} disabled={untouchedExample} className={buttonClass("outline", "text-sm")}>
              Start from an example
            </button>
            <span id="journey-save-hint" className="text-slate-500 dark:text-slate-400">
              {untouchedExample
                ? "A sample “shop” journey: change it (its name, events, steps) to describe yours; it cannot be saved as it is."
                : "or paste a definition below."}
            </span>
          </div>
        )}
        <JsonEditor name="definition" label="Definition (JSON)" value={text} onChange={setText} errorLines={errorLines} />
        {basedOn && <BasedOnFields basedOn={basedOn} />}
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            formAction={runPreview}
            onClick={() => setLatest("preview")}
            disabled={previewing || blank}
            className={buttonClass("secondary", "text-sm")}
          >
            {previewing ? "Folding…" : "Preview on recent sessions"}
          </button>
          <button
            type="submit"
            formAction={runSave}
            onClick={() => setLatest("save")}
            disabled={saving || blank || untouchedExample}
            aria-describedby={untouchedExample ? "journey-save-hint" : undefined}
            className={buttonClass("action")}
          >
            {saving ? "Saving…" : "Save a new version"}
          </button>
          {retry && (
            <button type="submit" form="journey-retry" onClick={() => setLatest("save")} disabled={saving} className={buttonClass("outline", "text-sm")}>
              Retry building v{retry.version}
            </button>
          )}
        </div>
      </form>
      {retry && basedOn && (
        // The stored text, not the editor's: a retry builds the failed version exactly as it was saved.
        <form id="journey-retry" action={runSave} hidden>
          <input type="hidden" name="definition" value={retry.source} />
          <BasedOnFields basedOn={basedOn} />
        </form>
      )}
      {result?.kind === "conflict" && (
        <Notice role="alert" tone="error">
          Not saved: {result.message}
        </Notice>
      )}
      {located.length > 0 && (
        <Notice as="div" role="alert" tone="error">
          <p className="font-medium">Not saved: {located.length === 1 ? "one error" : `${located.length} errors`}.</p>
          <ul aria-label="Definition errors" className="mt-1 space-y-0.5">
            {located.map((e) => (
              <li key={`${e.path}:${e.message}`}>
                <span className="text-xs opacity-75">line {e.line}</span> <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {result?.kind === "saved" && (
        <Notice role="status" tone="success">
          {result.message}
        </Notice>
      )}
      {result?.kind === "preview" && <JourneyPreview preview={result.preview} name={name} />}
      <WhatIfPanel draft={text} initial={whatIf.initial} defaultRange={whatIf.defaultRange} />
    </div>
  );
}

function BasedOnFields({ basedOn }: { basedOn: { name: string; version: number } }) {
  return (
    <>
      <input type="hidden" name="basedOnName" value={basedOn.name} />
      <input type="hidden" name="basedOnVersion" value={basedOn.version} />
    </>
  );
}
