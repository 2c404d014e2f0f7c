"use client";

import { useActionState, useState } from "react";
import type { ActionResult, PolicyDraftPreview } from "@/lib/actions/action-result";
import { buttonClass } from "../ui/button";
import { Notice } from "../ui/notice";
import { PolicyPreview } from "./policy-preview";

type SaveAction = (state: ActionResult, form: FormData) => Promise<ActionResult>;
type PreviewAction = (state: PolicyDraftPreview, form: FormData) => Promise<PolicyDraftPreview>;

/**
 * The policy's JSON, kept by the browser: React empties an uncontrolled form after its action runs,
 * so a refused save (a pattern that can backtrack, a typo in the JSON) put the saved version back
 * and the admin typed their change again. The draft can be previewed on real events before it is
 * saved; the answer shown is the one of the button pressed last.
 */
export function PolicyEditor({ initial, save, preview }: { initial: string; save: SaveAction; preview: PreviewAction }) {
  const [value, setValue] = useState(initial);
  const [saved, runSave, saving] = useActionState(save, null);
  const [previewed, runPreview, previewing] = useActionState(preview, null);
  const [latest, setLatest] = useState<"save" | "preview" | null>(null);
  const result = latest === "save" ? saved : latest === "preview" ? previewed : null;
  return (
    <div className="space-y-3">
      <form aria-label="Save a new version" className="space-y-3">
        <textarea
          name="policy"
          aria-label="Policy (JSON)"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          spellCheck={false}
          rows={24}
          className="w-full rounded border border-slate-300 bg-white p-3 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
        />
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            formAction={runPreview}
            onClick={() => setLatest("preview")}
            disabled={previewing}
            className={buttonClass("secondary", "text-sm")}
          >
            {previewing ? "Masking…" : "Preview the draft"}
          </button>
          <button type="submit" formAction={runSave} onClick={() => setLatest("save")} disabled={saving} className={buttonClass("action")}>
            {saving ? "Working…" : "Save a new version"}
          </button>
        </div>
        {result && !result.ok && (
          <Notice role="alert" tone="error">
            {latest === "preview" ? "Not a policy, nothing previewed" : "Not saved"}: {result.error}
          </Notice>
        )}
        {latest === "save" && saved?.ok && (
          <Notice role="status" tone="success">
            {saved.message}
          </Notice>
        )}
      </form>
      {latest === "preview" && previewed?.ok && (
        <PolicyPreview
          label="Draft preview"
          title="What the draft would mask, on the newest events"
          note="Not saved: nothing changes until you save it. Values the version in force masks stay masked here, even where the draft would not mask them."
          rows={previewed.rows}
        />
      )}
    </div>
  );
}
