/** What a form's server action answers: a message, an error, or a secret to show exactly once (null before the first submit). */
export type ActionResult = { ok: true; message: string; secret?: string } | { ok: false; error: string } | null;
