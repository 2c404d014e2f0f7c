"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "./action-result";
import { recordAccess } from "../data/audit";
import { discardGeneration, startRollBack } from "../data/generations";
import { requireViewer } from "../data/viewer";
import { GenerationNotKeptError } from "../sessions/generations";

// Server actions are public endpoints: each checks the role itself and validates its input.
const idSchema = z.object({ id: z.coerce.number().int().positive() });

/**
 * Starts rolling the read models back to the kept generation retired last, which the form names
 * (what the admin confirmed: a page shown before another switch names another); the page shows
 * its progress.
 */
export async function rollBackGenerationAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireViewer("admin.manage");
  const parsed = idSchema.safeParse({ id: form.get("id") });
  if (!parsed.success) return { ok: false, error: "id: a generation's id is a positive whole number" };
  const started = await startRollBack(admin.email, parsed.data.id);
  if (!started.ok) return { ok: false, error: started.error };
  await recordAccess(admin, { action: "generation.rolled-back", customer: null, target: `generation ${started.id}` });
  revalidatePath("/admin/journeys");
  return { ok: true, message: `Rolling back to generation ${started.id}: the events since it was retired are being folded, then it is switched in.` };
}

/** Drops a kept generation's tables: it can no longer be rolled back to. */
export async function discardGenerationAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireViewer("admin.manage");
  const parsed = idSchema.safeParse({ id: form.get("id") });
  if (!parsed.success) return { ok: false, error: "id: a generation's id is a positive whole number" };
  try {
    await discardGeneration(parsed.data.id, admin.email);
  } catch (error) {
    if (error instanceof GenerationNotKeptError) return { ok: false, error: error.message };
    throw error;
  }
  await recordAccess(admin, { action: "generation.discarded", customer: null, target: `generation ${parsed.data.id}` });
  revalidatePath("/admin/journeys");
  return { ok: true, message: `Discarded generation ${parsed.data.id}: its tables are dropped.` };
}
