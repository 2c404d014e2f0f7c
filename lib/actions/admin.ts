"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { typedKeyTypesSchema } from "../auth/key-scope";
import { typedKeyPermissionsSchema } from "../auth/key-permissions";
import { ROLES } from "../access/roles";
import { redirect } from "next/navigation";
import {
  LastAdminError,
  changeRole,
  emailOf,
  resetDashboardUserPassword,
  createKey,
  inviteDashboardUser,
  revokeKey,
  setDisabled,
  updatePolicy,
} from "../data/admin";
import { recordAccess } from "../data/audit";
import { requireViewer } from "../data/viewer";
import { previewPolicy } from "../data/policy-preview";
import type { PersonalDataPolicy } from "../privacy/policy";
import { savablePolicySchema } from "../privacy/savable-policy";
import type { ActionResult, PolicyDraftPreview } from "./action-result";

// Every admin action checks the role itself and validates its input: server actions are public endpoints.

function problems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
}

const inviteSchema = z.object({
  email: z.email().max(200),
  name: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
});

export async function inviteUser(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireViewer("admin.manage");
  const input = inviteSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: problems(input.error) };
  try {
    const password = await inviteDashboardUser(input.data);
    await recordAccess(admin, { action: "dashboard-user.invited", customer: null, target: `${input.data.email} as ${input.data.role}` });
    revalidatePath("/admin/users");
    return { ok: true, message: `Invited ${input.data.email} as ${input.data.role}. Their temporary password (shown once):`, secret: password };
  } catch (error) {
    return { ok: false, error: error instanceof Error && /exist/i.test(error.message) ? `${input.data.email} already has an account` : "could not invite" };
  }
}

/** A change that would leave no active admin comes back to the page with the reason. */
async function keepingAnAdmin(change: () => Promise<void>) {
  try {
    await change();
  } catch (error) {
    if (error instanceof LastAdminError) redirect("/admin/users?refused=last-admin");
    throw error;
  }
}

const roleSchema = z.object({ userId: z.string().min(1).max(100), role: z.enum(ROLES) });

export async function setUserRole(form: FormData) {
  const admin = await requireViewer("admin.manage");
  const input = roleSchema.parse(Object.fromEntries(form));
  // An admin cannot demote themselves: the last admin would lock everyone out.
  if (input.userId === admin.id) return;
  // No such user: nothing changes, and nothing goes on record (an audit event is a permanent row).
  const email = await emailOf(input.userId);
  if (email === null) return;
  await keepingAnAdmin(() => changeRole(input.userId, input.role));
  await recordAccess(admin, { action: "dashboard-user.role-changed", customer: null, target: `${email} to ${input.role}` });
  revalidatePath("/admin/users");
}

const disableSchema = z.object({ userId: z.string().min(1).max(100), disabled: z.enum(["true", "false"]) });

export async function setUserDisabled(form: FormData) {
  const admin = await requireViewer("admin.manage");
  const input = disableSchema.parse(Object.fromEntries(form));
  if (input.userId === admin.id) return;
  const email = await emailOf(input.userId);
  if (email === null) return;
  await keepingAnAdmin(() => setDisabled(input.userId, input.disabled === "true"));
  await recordAccess(admin, { action: input.disabled === "true" ? "dashboard-user.disabled" : "dashboard-user.enabled", customer: null, target: email });
  revalidatePath("/admin/users");
}

const resetSchema = z.object({ userId: z.string().min(1).max(100) });

export async function resetPasswordAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireViewer("admin.manage");
  const input = resetSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: problems(input.error) };
  // Your own password is changed on your account page, with the current one.
  if (input.data.userId === admin.id) return { ok: false, error: "change your own password on your account page" };
  const reset = await resetDashboardUserPassword(input.data.userId);
  if (!reset) return { ok: false, error: "no such dashboard user" };
  await recordAccess(admin, { action: "dashboard-user.password-reset", customer: null, target: reset.email });
  revalidatePath("/admin/users");
  return { ok: true, message: `${reset.email} is signed out everywhere. Their temporary password (shown once):`, secret: reset.password };
}

const keySchema = z
  .object({
    kind: z.enum(["producer", "service"]),
    name: z.string().trim().min(1).max(100),
    source: z.string().trim().max(500).optional(),
    types: typedKeyTypesSchema.optional(),
    permissions: typedKeyPermissionsSchema,
  })
  .refine((k) => k.kind === "service" || (k.source && k.source.length > 0), { path: ["source"], message: "a producer key belongs to one source service" })
  .refine((k) => !k.source?.startsWith("rewind/"), { path: ["source"], message: '"rewind/" is reserved for Rewind\'s own events' });

export async function createApiKeyAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireViewer("admin.manage");
  // The reads are ticked boxes: one form value each, joined as the CLI takes them.
  const input = keySchema.safeParse({ ...Object.fromEntries(form), permissions: form.getAll("permissions").join(",") });
  if (!input.success) return { ok: false, error: problems(input.error) };
  const { kind, name, source, types, permissions } = input.data;
  if (kind === "service" && types) return { ok: false, error: "types: only a producer key appends, so only a producer key has types" };
  if (kind === "producer" && permissions) return { ok: false, error: "permissions: a producer key only appends; reads are a service key's" };
  const key = await createKey(kind, name, kind === "producer" ? source! : null, admin.email, types ?? null, permissions);
  const scope = kind === "producer" ? ` for ${source}${types ? ` (types ${types.join(", ")})` : ""}` : permissions ? ` (reads ${permissions.join(", ")})` : "";
  await recordAccess(admin, { action: "api-key.created", customer: null, target: `${kind} key ${name}${scope}` });
  revalidatePath("/admin/keys");
  return { ok: true, message: `Created ${kind} key “${name}”. Copy it now: it is shown only once and stored hashed.`, secret: key };
}

export async function revokeApiKeyAction(form: FormData) {
  const admin = await requireViewer("admin.manage");
  const id = z.coerce.number().int().positive().parse(form.get("id"));
  // On record only when a key was revoked: an id that names none (or one already revoked) changes nothing.
  if (await revokeKey(id)) await recordAccess(admin, { action: "api-key.revoked", customer: null, target: `key ${id}` });
  revalidatePath("/admin/keys");
}

/** The policy box's text as a policy: valid JSON, and valid and safe to run by savablePolicySchema; else the error, named. */
async function readPolicyDraft(form: FormData): Promise<{ ok: true; policy: PersonalDataPolicy } | { ok: false; error: string }> {
  let json: unknown;
  try {
    json = JSON.parse(String(form.get("policy") ?? ""));
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${error instanceof Error ? error.message : "parse error"}` };
  }
  // Async: each new pattern is checked for catastrophic backtracking before it may run on every read.
  const policy = await savablePolicySchema.safeParseAsync(json);
  return policy.success ? { ok: true, policy: policy.data } : { ok: false, error: problems(policy.error) };
}

export async function savePolicyAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireViewer("admin.manage");
  const draft = await readPolicyDraft(form);
  if (!draft.ok) return draft;
  const saved = await updatePolicy(draft.policy, admin.email);
  revalidatePath("/admin/policy");
  return { ok: true, message: `Saved version ${saved.version}: ${saved.summary}` };
}

/** What the policy box's draft would mask on the newest events, before it is saved; writes nothing. */
export async function previewPolicyDraftAction(_state: PolicyDraftPreview, form: FormData): Promise<PolicyDraftPreview> {
  await requireViewer("admin.manage");
  const draft = await readPolicyDraft(form);
  return draft.ok ? { ok: true, rows: await previewPolicy(8, draft.policy) } : draft;
}
