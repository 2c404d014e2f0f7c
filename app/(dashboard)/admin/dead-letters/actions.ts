"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { discardSetAsideEvent, retrySetAsideEvent } from "@/lib/data/dead-letters";
import { requireViewer } from "@/lib/data/viewer";

// Server actions are public endpoints: each checks the role itself and validates its input.
const positionSchema = z.object({ position: z.coerce.number().int().positive() });

/** Folds a set-aside event again (after the cause is fixed); says on the page whether it worked. */
export async function retryDeadLetterAction(form: FormData) {
  await requireViewer("admin.manage");
  const { position } = positionSchema.parse({ position: form.get("position") });
  const folded = await retrySetAsideEvent(position);
  revalidatePath("/admin/dead-letters");
  redirect(`/admin/dead-letters?${folded ? "retried" : "failed"}=${position}`);
}

/** Stops counting a set-aside event: it stays out of sessions and, raw, in the store. */
export async function discardDeadLetterAction(form: FormData) {
  await requireViewer("admin.manage");
  const { position } = positionSchema.parse({ position: form.get("position") });
  await discardSetAsideEvent(position);
  revalidatePath("/admin/dead-letters");
  redirect(`/admin/dead-letters?discarded=${position}`);
}
