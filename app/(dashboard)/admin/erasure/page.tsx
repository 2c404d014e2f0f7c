import type { Metadata } from "next";
import Link from "next/link";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { EraseCustomerForm, ErasuresTable } from "@/components/admin/erasure";
import { ExportCustomerForm } from "@/components/admin/export-customer-form";
import { Card } from "@/components/ui/card";
import { listErasureRows } from "@/lib/data/erasure";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Erasure" };

export default async function ErasurePage() {
  await requireViewer("admin.manage");
  const rows = await listErasureRows();
  return (
    <div className="space-y-5">
      <AdminTabs current="/admin/erasure" />
      <section className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-2">
          <h2 className="font-semibold">Erasures</h2>
          <p className="text-sm text-slate-500">
            An erasure takes a customer&apos;s personal data (by the personal-data policy) out of their events, others&apos; events that hold the same values,
            every read model, note and retention archive, and replaces their user id with a pseudonym under their reference. Its record in the chain vouches for
            each changed event, so{" "}
            <Link href="/integrity" className="underline">
              integrity
            </Link>{" "}
            still verifies. Events that arrive for them later are new data and are kept; to refuse them,{" "}
            <Link href="/admin/subject-access" className="underline">
              block the user id
            </Link>
            .
          </p>
          <ErasuresTable rows={rows} />
        </div>
        <div className="space-y-5">
          <Card as="div" className="self-start">
            <h2 className="mb-3 font-semibold">Erase a customer</h2>
            <EraseCustomerForm />
          </Card>
          <Card as="div" className="self-start">
            <h2 className="mb-3 font-semibold">Export first (subject access)</h2>
            <ExportCustomerForm />
          </Card>
        </div>
      </section>
    </div>
  );
}
