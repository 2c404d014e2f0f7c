import type { PolicyPreviewRow } from "../data/policy-preview";

/** What a form's server action answers: a message, an error, or a secret to show exactly once (null before the first submit). */
export type ActionResult = { ok: true; message: string; secret?: string } | { ok: false; error: string } | null;

/** What the policy page's draft preview answers: the sample as the draft would mask it, or why the draft is not a policy. */
export type PolicyDraftPreview = { ok: true; rows: PolicyPreviewRow[] } | { ok: false; error: string } | null;
