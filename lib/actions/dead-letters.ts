"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordAccess } from "../data/audit";
import { discardSetAsideEvent, retrySetAsideEvent } from "../data/dead-letters";
import { requireViewer } from "../data/viewer";

// Server actions are public endpoints: each checks the role itself and validates its input.
const positionSchema = z.object({ position: z.coerce.number().int().positive() });

/** Folds a set-aside event again (after the cause is fixed); says on the page whether it worked. */
export async function retryDeadLetterAction(form: FormData) {
  const admin = await requireViewer("admin.manage");
  const { position } = positionSchema.parse({ position: form.get("position") });
  const folded = await retrySetAsideEvent(position);
  // On record when there was something to fold: what sessions show may change with it.
  if (folded !== null)
    await recordAccess(admin, { action: "dead-letter.retried", customer: null, target: `event ${position} (${folded ? "folded" : "still set aside"})` });
  revalidatePath("/admin/dead-letters");
  redirect(folded === null ? "/admin/dead-letters" : `/admin/dead-letters?${folded ? "retried" : "failed"}=${position}`);
}

/** Stops counting a set-aside event: it stays out of sessions and, raw, in the store. */
export async function discardDeadLetterAction(form: FormData) {
  const admin = await requireViewer("admin.manage");
  const { position } = positionSchema.parse({ position: form.get("position") });
  if (await discardSetAsideEvent(position)) await recordAccess(admin, { action: "dead-letter.discarded", customer: null, target: `event ${position}` });
  revalidatePath("/admin/dead-letters");
  redirect(`/admin/dead-letters?discarded=${position}`);
}
