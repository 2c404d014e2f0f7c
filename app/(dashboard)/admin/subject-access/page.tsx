import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { BlockedUsersTable, BlockUserForm } from "@/components/admin/blocked-users";
import { ExportCustomerForm } from "@/components/admin/export-customer-form";
import { Card } from "@/components/ui/card";
import { listBlockedUserRows } from "@/lib/data/blocked-users";
import { BLOCK_LIST_TTL_MS } from "@/lib/users/blocked-users";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subject access" };

export default async function SubjectAccessPage() {
  await requireViewer("admin.manage");
  const rows = await listBlockedUserRows();
  return (
    <div className="space-y-5">
      <AdminTabs current="/admin/subject-access" />
      <section className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-2">
          <h2 className="font-semibold">Blocked from ingestion</h2>
          <p className="text-sm text-slate-500">
            An event carrying a blocked user id is refused, and so is the whole request it came in: nothing of it is written. Events that arrive for a customer
            after an erasure are new data and are kept unless their user id is blocked here. Another server sees a change within {BLOCK_LIST_TTL_MS / 1000}{" "}
            seconds.
          </p>
          <BlockedUsersTable rows={rows} />
        </div>
        <div className="space-y-5">
          <Card as="div" className="self-start">
            <h2 className="mb-3 font-semibold">Everything we hold about a customer</h2>
            <ExportCustomerForm />
          </Card>
          <Card as="div" className="self-start">
            <h2 className="mb-3 font-semibold">Block a user id</h2>
            <BlockUserForm />
          </Card>
        </div>
      </section>
    </div>
  );
}
