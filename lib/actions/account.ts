"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { landingPage } from "../access/roles";
import { WrongPasswordError, changeOwnPassword, takePasswordAttempt } from "../data/account";
import { recordAccess } from "../data/audit";
import { ACCOUNT_PAGE, requireSignedIn } from "../data/viewer";
import type { ActionResult } from "./action-result";

const passwordSchema = z
  .object({
    currentPassword: z.string().min(1, "enter your current password").max(200),
    newPassword: z.string().min(10, "at least 10 characters").max(200, "at most 200 characters"),
    confirmPassword: z.string().max(200),
  })
  .refine((p) => p.newPassword === p.confirmPassword, { path: ["confirmPassword"], message: "does not match the new password" })
  .refine((p) => p.newPassword !== p.currentPassword, { path: ["newPassword"], message: "must differ from the current password" });

const LABELS: Record<string, string> = { newPassword: "New password", confirmPassword: "Repeat" };

export async function changePasswordAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const { viewer, mustChangePassword } = await requireSignedIn();
  const input = passwordSchema.safeParse(Object.fromEntries(form));
  const current = mustChangePassword ? "Temporary password" : "Current password";
  if (!input.success) {
    return {
      ok: false,
      error: input.error.issues.map((i) => `${i.path[0] === "currentPassword" ? current : (LABELS[String(i.path[0])] ?? "input")}: ${i.message}`).join("; "),
    };
  }
  const limit = await takePasswordAttempt(viewer.id);
  if (!limit.allowed) return { ok: false, error: `Too many attempts: try again in ${limit.retryAfterSeconds} s` };
  try {
    await changeOwnPassword(viewer.id, input.data.currentPassword, input.data.newPassword);
  } catch (error) {
    if (!(error instanceof WrongPasswordError)) throw error;
    return { ok: false, error: `${current}: not right` };
  }
  await recordAccess(viewer, { action: "dashboard-user.password-changed", customer: null, target: viewer.email });
  // A redirect, not a message: this request still carries the sign-in the change just ended, and
  // only a new request carries the new one. A temporary password changed: on to the work.
  redirect(mustChangePassword ? landingPage(viewer.role) : `${ACCOUNT_PAGE}?changed=1`);
}
