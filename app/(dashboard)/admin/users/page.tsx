import type { Metadata } from "next";
import { ConfirmButton } from "@/components/ui/confirm-button";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { ActionForm } from "@/components/admin/action-form";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { formatWallClock } from "@/components/replay/format-time";
import { PERMISSIONS, ROLES, permissionsOf } from "@/lib/access/roles";
import { lastSignIns, listDashboardUsers } from "@/lib/data/admin";
import { requireViewer } from "@/lib/data/viewer";
import { inviteUser, resetPasswordAction, setUserDisabled, setUserRole } from "@/lib/actions/admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard users" };

const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireViewer("admin.manage");
  const { refused } = await searchParams;
  const [users, signIns] = await Promise.all([listDashboardUsers(), lastSignIns()]);
  return (
    <div className="space-y-5">
      <AdminTabs current="/admin/users" />
      {refused === "last-admin" && (
        <Notice role="alert" tone="error">
          Not changed: there must always be an active admin. Make someone else admin first.
        </Notice>
      )}
      <section className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <DataTable label="Dashboard users" columns={["User", "Role", "Status", "Password", "Last sign-in", "Since"]} className="self-start" stacked>
          {users.map((u) => {
            const self = u.id === admin.id;
            return (
              <Row key={u.id} stacked data-email={u.email}>
                {/* Stacked on a phone: each cell's value is one block, right of the column's name. */}
                <Cell label="User">
                  <div className="min-w-0 text-right sm:text-left">
                    <div className="font-medium">{u.name}</div>
                    <div className="break-all text-xs text-slate-500">{u.email}</div>
                  </div>
                </Cell>
                <Cell label="Role">
                  {self ? (
                    <span title="You cannot change your own role">{u.role}</span>
                  ) : (
                    <form action={setUserRole} className="flex gap-1">
                      <input type="hidden" name="userId" value={u.id} />
                      <select name="role" defaultValue={u.role ?? "agent"} aria-label={`Role of ${u.email}`} className={input}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="rounded px-2 text-xs text-amber-700 hover:bg-amber-50 dark:text-amber-400 dark:hover:bg-slate-800">
                        Save
                      </button>
                    </form>
                  )}
                </Cell>
                <Cell label="Status">
                  <span>
                    {u.banned ? (
                      <Badge tone="red" shape="tag">
                        disabled
                      </Badge>
                    ) : (
                      <span className="text-xs text-emerald-700 dark:text-emerald-400">active</span>
                    )}
                    {u.mustChangePassword && !u.banned && (
                      <Badge
                        tone="amber-soft"
                        shape="tag"
                        className="ml-2"
                        title="Their password was set by an admin; they must choose their own when they next sign in"
                      >
                        temporary password
                      </Badge>
                    )}
                    {!self && (
                      <form action={setUserDisabled} className="inline">
                        <input type="hidden" name="userId" value={u.id} />
                        <input type="hidden" name="disabled" value={u.banned ? "false" : "true"} />
                        <ConfirmButton
                          question={u.banned ? `Enable ${u.email} again?` : `Disable ${u.email}? They are signed out at once and cannot sign in.`}
                          className="ml-2 text-xs text-slate-500 underline hover:text-slate-900 dark:hover:text-white"
                        >
                          {u.banned ? "Enable" : "Disable"}
                        </ConfirmButton>
                      </form>
                    )}
                  </span>
                </Cell>
                <Cell label="Password">
                  {self ? (
                    <Link href="/account" className="text-xs text-amber-700 underline dark:text-amber-400">
                      Your account
                    </Link>
                  ) : (
                    <ActionForm
                      action={resetPasswordAction}
                      label="Reset password"
                      compact
                      confirm={`Reset the password of ${u.email}? They are signed out everywhere and get a new temporary password.`}
                      className="max-w-56 space-y-1"
                    >
                      <input type="hidden" name="userId" value={u.id} />
                    </ActionForm>
                  )}
                </Cell>
                <Cell label="Last sign-in" className="text-xs text-slate-500">
                  {signIns.has(u.id) ? (
                    formatWallClock(signIns.get(u.id)!.getTime())
                  ) : (
                    <span title="no sign-in kept: never signed in, or signed out since (signing out removes the session)">none kept</span>
                  )}
                </Cell>
                <Cell label="Since" className="text-xs text-slate-500">
                  {formatWallClock(u.createdAt.getTime())}
                </Cell>
              </Row>
            );
          })}
        </DataTable>
        <div className="space-y-4">
          <Card as="div">
            <h2 className="mb-3 font-semibold">Invite a user</h2>
            <ActionForm action={inviteUser} label="Invite">
              <label className="block text-sm">
                Email <input name="email" type="email" required className={`${input} w-full`} />
              </label>
              <label className="block text-sm">
                Name <input name="name" required className={`${input} w-full`} />
              </label>
              <label className="block text-sm">
                Role{" "}
                <select name="role" defaultValue="agent" className={`${input} w-full`}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </label>
            </ActionForm>
          </Card>
          <Card as="div" className="text-xs">
            <h2 className="mb-2 text-sm font-semibold">What each role may do</h2>
            <dl className="space-y-2">
              {ROLES.map((r) => (
                <div key={r}>
                  <dt className="font-medium">{r}</dt>
                  <dd className="text-slate-500">
                    {permissionsOf(r)
                      .map((p) => PERMISSIONS[p])
                      .join("; ")}
                  </dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
      </section>
    </div>
  );
}
