"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { blockUserFromDashboard, unblockUserByToken } from "../data/blocked-users";
import { requireViewer } from "../data/viewer";
import { isReference } from "../users/reference-format";
import type { ActionResult } from "./action-result";

// Admins block a user id from ingestion (lib/users/blocked-users.ts); every action checks the role and its input itself.

const blockSchema = z.object({
  userId: z
    .string()
    .trim()
    .min(1, "give the user id to block")
    .max(512, "at most 512 characters")
    .refine((id) => !isReference(id), "give the user id itself, not a reference (events carry user ids)"),
  reason: z.string().trim().min(1, "give a reason: producers are told it when their event is refused").max(500, "at most 500 characters"),
});

export async function blockUserAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireViewer("admin.manage");
  const input = blockSchema.safeParse({ userId: form.get("userId") ?? "", reason: form.get("reason") ?? "" });
  if (!input.success) return { ok: false, error: input.error.issues.map((i) => `${i.path[0] === "userId" ? "user id" : "reason"}: ${i.message}`).join("; ") };
  const { already } = await blockUserFromDashboard(admin, input.data.userId, input.data.reason);
  revalidatePath("/admin/subject-access");
  // The id is not repeated back: the list below shows it as every page does (masked when personal).
  return { ok: true, message: already ? "That user id was blocked already; its reason is updated." : "Blocked: its events are now refused at ingestion." };
}

export async function unblockUserAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireViewer("admin.manage");
  const token = z.string().min(1).max(2_000).safeParse(form.get("token"));
  if (!token.success) return { ok: false, error: "token: missing or too long" };
  if (!(await unblockUserByToken(admin, token.data))) return { ok: false, error: "That user id is not blocked (unblocked already?)." };
  revalidatePath("/admin/subject-access");
  return { ok: true, message: "Unblocked: its events are accepted again." };
}
