"use client";

import { useActionState, useMemo, useState } from "react";
import type { RetentionEditorResult } from "@/lib/actions/retention";
import { lineOfParseError, lineOfPath, linesOfPaths } from "@/lib/journey-store/json-locate";
import { buttonClass } from "../ui/button";
import { Notice } from "../ui/notice";
import { JsonEditor } from "./json-editor";
import { RetentionRulesTable } from "./retention-preview";

type EditorAction = (state: RetentionEditorResult, form: FormData) => Promise<RetentionEditorResult>;

/**
 * The retention policy's JSON, previewed on the store before it is saved: per rule, how many events
 * it would remove now and from which recorded dates. The text is kept by the browser (a refused
 * save keeps the admin's change); problems are listed at their JSON path and marked on their line.
 * The example is put in only when asked for.
 */
export function RetentionEditor({ initial, example, preview, save }: { initial: string; example: string; preview: EditorAction; save: EditorAction }) {
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
  const blank = text.trim() === "";
  return (
    <div className="space-y-3">
      <form aria-label="Retention policy" className="space-y-3">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <button type="button" onClick={() => setText(example)} disabled={text.trim() === example.trim()} className={buttonClass("outline", "text-sm")}>
            Start from the example
          </button>
          <span className="text-slate-500 dark:text-slate-400">searches kept 90 days, payments seven years, the rest forever: change it before saving.</span>
        </div>
        <JsonEditor name="policy" label="Retention policy (JSON)" value={text} onChange={setText} errorLines={errorLines} />
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            formAction={runPreview}
            onClick={() => setLatest("preview")}
            disabled={previewing || blank}
            className={buttonClass("secondary", "text-sm disabled:opacity-60")}
          >
            {previewing ? "Counting…" : "Preview"}
          </button>
          <button type="submit" formAction={runSave} onClick={() => setLatest("save")} disabled={saving || blank} className={buttonClass("action")}>
            {saving ? "Saving…" : "Save a new version"}
          </button>
        </div>
      </form>
      {located.length > 0 && (
        <Notice as="div" role="alert" tone="error">
          <p className="font-medium">
            Not a policy ({latest === "save" ? "nothing saved" : "nothing previewed"}): {located.length === 1 ? "one problem" : `${located.length} problems`}.
          </p>
          <ul aria-label="Policy problems" className="mt-1 space-y-0.5">
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
      {result?.kind === "preview" && (
        <section aria-label="Draft preview" className="space-y-2">
          <h2 className="font-semibold">What the draft would remove now</h2>
          <p className="text-sm text-slate-500">
            Counted at {result.at.slice(0, 16).replace("T", " ")} UTC by the time Rewind recorded each event; the newest event always stays. Not saved: nothing
            is written until you save, and nothing is removed until a purge runs.
          </p>
          {result.rules.length === 0 ? (
            <Notice role="status" tone="success">
              No rule and no default: this policy keeps every event forever.
            </Notice>
          ) : (
            <RetentionRulesTable label="Draft preview by rule" rules={result.rules} verb="Would remove" />
          )}
        </section>
      )}
    </div>
  );
}
