"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { RulePreview } from "../retention/due-sql";
import { previewRetentionDraft, type RetentionRunOutcome, runRetentionNow, saveRetention } from "../data/retention";
import { type PolicyProblem, readRetentionDraft } from "../retention/policy-text";
import { requireViewer } from "../data/viewer";

/** What the retention editor's actions answer: problems at their JSON paths, a draft's preview, or a saved version. */
export type RetentionEditorResult =
  | { kind: "errors"; errors: PolicyProblem[] }
  | { kind: "preview"; rules: RulePreview[]; at: string }
  | { kind: "saved"; message: string }
  | null;

// Server actions are public endpoints: each checks the role and its input itself. The text only here:
// readRetentionDraft checks its size, its JSON and the policy's schema, naming the path of each problem.
const draftOf = (form: FormData): string => z.string().catch("").parse(form.get("policy"));

/** Per rule, what the draft would remove now and from which recorded dates; writes nothing (not even an audit line). */
export async function previewRetentionAction(_state: RetentionEditorResult, form: FormData): Promise<RetentionEditorResult> {
  await requireViewer("admin.manage");
  const draft = readRetentionDraft(draftOf(form));
  if (!draft.ok) return { kind: "errors", errors: draft.errors };
  const now = new Date();
  return { kind: "preview", rules: await previewRetentionDraft(draft.policy, now), at: now.toISOString() };
}

/** Saves the draft as a new version (on record); the next purge applies it. */
export async function saveRetentionAction(_state: RetentionEditorResult, form: FormData): Promise<RetentionEditorResult> {
  const admin = await requireViewer("admin.manage");
  const draft = readRetentionDraft(draftOf(form));
  if (!draft.ok) return { kind: "errors", errors: draft.errors };
  const saved = await saveRetention(admin, draft.policy);
  revalidatePath("/admin/retention");
  return { kind: "saved", message: `Saved version ${saved.version}: ${saved.summary}` };
}

const versionSchema = z.object({ version: z.coerce.number().int().positive() });

/** Archives and removes what the confirmed version says is due now, then checks the archive against the store. */
export async function runRetentionAction(_state: RetentionRunOutcome | null, form: FormData): Promise<RetentionRunOutcome | null> {
  const admin = await requireViewer("admin.manage");
  const parsed = versionSchema.safeParse({ version: form.get("version") });
  if (!parsed.success) return { ok: false, reason: "changed", error: "version: the policy version to run is a positive whole number" };
  const outcome = await runRetentionNow(admin, parsed.data.version);
  revalidatePath("/admin/retention");
  return outcome;
}
