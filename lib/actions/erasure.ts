"use server";

import { revalidatePath } from "next/cache";
import { eraseFromDashboard } from "../data/erasure";
import { requireViewer } from "../data/viewer";
import { erasureInputSchema } from "../erasure/erasure-input";
import type { ActionResult } from "./action-result";

// An admin erases one customer (docs/erasure.md); the action checks the role and its input itself.

export async function eraseCustomerAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireViewer("admin.manage");
  const input = erasureInputSchema.safeParse({ customer: form.get("customer") ?? "", reason: form.get("reason") ?? "" });
  if (!input.success)
    return { ok: false, error: input.error.issues.map((i) => `${i.path[0] === "customer" ? "customer" : "reason"}: ${i.message}`).join("; ") };
  const erased = await eraseFromDashboard(admin, input.data.customer, input.data.reason);
  if (!erased.ok) return erased;
  revalidatePath("/admin/erasure");
  const r = erased.result;
  return {
    ok: true,
    message:
      `Erased ${r.reference}: ${r.events} events changed, vouched for by the erasure record at position ${r.record}` +
      `${r.archived > 0 ? `; ${r.archived} archived events rewritten` : ""}; rows in ${r.tables.length} other tables.` +
      (r.compacted
        ? ""
        : " The store's write-ahead log could not be emptied (a reader held it): the overwritten values stay in it until SQLite next checkpoints."),
  };
}
