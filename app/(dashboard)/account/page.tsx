import type { Metadata } from "next";
import { PasswordFields } from "@/components/account/password-fields";
import { ActionForm } from "@/components/admin/action-form";
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
        <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          You signed in with a temporary password from an admin. Choose your own password to continue.
        </p>
      )}
      {changed === "1" && !mustChangePassword && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          Password changed. Your sign-ins in other browsers have ended.
        </p>
      )}
      <dl className="grid grid-cols-[8rem_1fr] gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900">
        <dt className="text-slate-500">Name</dt>
        <dd>{viewer.name}</dd>
        <dt className="text-slate-500">Email</dt>
        <dd>{viewer.email}</dd>
        <dt className="text-slate-500">Role</dt>
        <dd>
          <span className="font-medium">{viewer.role}</span>
          <ul className="mt-1 list-disc pl-4 text-xs text-slate-500">
            {permissionsOf(viewer.role).map((p) => <li key={p}>{PERMISSIONS[p]}</li>)}
          </ul>
        </dd>
      </dl>
      <section className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
        <h2 className="mb-3 font-semibold">Change your password</h2>
        <ActionForm action={changePasswordAction} label="Change password">
          <PasswordFields currentLabel={mustChangePassword ? "Temporary password" : "Current password"} />
        </ActionForm>
        <p className="mt-3 text-xs text-slate-500">Changing it ends your sign-ins in other browsers; this one stays signed in.</p>
      </section>
    </div>
  );
}
