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
  | null;

// Server actions are public endpoints: each checks the role and its input itself.
// The text only: its size and its content are checked by checkDefinitionText, which names the path of each error.
const draftSchema = z.string().catch("");

const draftOf = (form: FormData): string => draftSchema.parse(form.get("definition"));

/** How recent sessions would fold with the draft; changes nothing. */
export async function previewJourneyAction(_state: JourneyEditorResult, form: FormData): Promise<JourneyEditorResult> {
  await requireViewer("admin.manage");
  const preview = await previewDraft(draftOf(form));
  return preview.ok ? { kind: "preview", preview } : { kind: "errors", errors: preview.errors };
}

/** Stores the draft as a new version; a new generation of the read models folds with it. */
export async function saveJourneyAction(_state: JourneyEditorResult, form: FormData): Promise<JourneyEditorResult> {
  const admin = await requireViewer("admin.manage");
  const saved = await saveDraft(draftOf(form), admin.email);
  if (!saved.ok) return { kind: "errors", errors: saved.errors };
  revalidatePath("/admin/journeys");
  return { kind: "saved", message: saved.message };
}
