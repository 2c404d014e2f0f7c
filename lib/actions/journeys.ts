"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type DraftPreview, previewDraft, saveDraft } from "../data/journey-admin";
import { requireViewer } from "../data/viewer";
import type { DefinitionError } from "../journey-store/definition-store";

/** What the journey editor's actions answer: errors at their JSON paths, a draft's preview, or a saved version. */
export type JourneyEditorResult =
  | { kind: "errors"; errors: DefinitionError[] }
  | { kind: "preview"; preview: DraftPreview }
  | { kind: "saved"; message: string }
  | { kind: "conflict"; message: string }
  | null;

// Server actions are public endpoints: each checks the role and its input itself.
// The text only: its size and its content are checked by checkDefinitionText, which names the path of each error.
const draftSchema = z.string().catch("");

const draftOf = (form: FormData): string => draftSchema.parse(form.get("definition"));

// The journey and version the admin's draft started from (absent for a new definition, or an unreadable field: no check then).
const basedOnSchema = z
  .object({ name: z.string().max(40), version: z.coerce.number().int().min(0) })
  .optional()
  .catch(undefined);
const basedOnOf = (form: FormData) =>
  basedOnSchema.parse(form.has("basedOnName") ? { name: form.get("basedOnName"), version: form.get("basedOnVersion") } : undefined);

/** How recent sessions would fold with the draft; changes nothing. */
export async function previewJourneyAction(_state: JourneyEditorResult, form: FormData): Promise<JourneyEditorResult> {
  await requireViewer("admin.manage");
  const preview = await previewDraft(draftOf(form));
  return preview.ok ? { kind: "preview", preview } : { kind: "errors", errors: preview.errors };
}

/** Stores the draft as a new version; a new generation of the read models folds with it. */
export async function saveJourneyAction(_state: JourneyEditorResult, form: FormData): Promise<JourneyEditorResult> {
  const admin = await requireViewer("admin.manage");
  const saved = await saveDraft(draftOf(form), admin.email, basedOnOf(form));
  if (!saved.ok) return "conflict" in saved ? { kind: "conflict", message: saved.conflict } : { kind: "errors", errors: saved.errors };
  revalidatePath("/admin/journeys");
  return { kind: "saved", message: saved.message };
}
