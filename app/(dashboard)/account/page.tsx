import type { Metadata } from "next";
import { PasswordFields } from "@/components/account/password-fields";
import { ActionForm } from "@/components/admin/action-form";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PERMISSIONS, permissionsOf } from "@/lib/access/roles";
import { requireSignedIn } from "@/lib/data/viewer";
import { changePasswordAction } from "@/lib/actions/account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

/** Who you are signed in as, and your password: the one page a temporary password can open. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, mustChangePassword } = await requireSignedIn();
  const { changed } = await searchParams;
  return (
    <div className="mx-auto max-w-xl space-y-5">
      <h1 className="text-xl font-semibold">Your account</h1>
      {mustChangePassword && (
        <Notice role="status" tone="warning">
          You signed in with a temporary password from an admin. Choose your own password to continue.
        </Notice>
      )}
      {changed === "1" && !mustChangePassword && (
        <Notice role="status" tone="success">
          Password changed. Your sign-ins in other browsers have ended.
        </Notice>
      )}
      <Card as="dl" className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
        <dt className="text-slate-500">Name</dt>
        <dd>{viewer.name}</dd>
        <dt className="text-slate-500">Email</dt>
        <dd>{viewer.email}</dd>
        <dt className="text-slate-500">Role</dt>
        <dd>
          <span className="font-medium">{viewer.role}</span>
          <ul className="mt-1 list-disc pl-4 text-xs text-slate-500">
            {permissionsOf(viewer.role).map((p) => (
              <li key={p}>{PERMISSIONS[p]}</li>
            ))}
          </ul>
        </dd>
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">Change your password</h2>
        <ActionForm action={changePasswordAction} label="Change password">
          <PasswordFields currentLabel={mustChangePassword ? "Temporary password" : "Current password"} />
        </ActionForm>
        <p className="mt-3 text-xs text-slate-500">Changing it ends your sign-ins in other browsers; this one stays signed in.</p>
      </Card>
    </div>
  );
}
