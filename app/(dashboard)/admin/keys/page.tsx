import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/admin/action-form";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { KeysTable } from "@/components/admin/keys-table";
import { lastAuditedUse, listKeys } from "@/lib/data/admin";
import { requireViewer } from "@/lib/data/viewer";
import { createApiKeyAction } from "@/lib/actions/admin";
import { SERVICE_PERMISSIONS } from "@/lib/auth/key-permissions";
import { PERMISSIONS } from "@/lib/access/roles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API keys" };

const input = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

export default async function AdminKeysPage() {
  await requireViewer("admin.manage");
  const keys = await listKeys();
  const lastRead = await lastAuditedUse(keys.filter((k) => k.kind === "service").map((k) => k.id));
  return (
    <div className="space-y-5">
      <AdminTabs current="/admin/keys" />
      <section className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-2">
          <p className="text-sm text-slate-500">
            Producer keys append events for one source service and nothing else, and only the types they name when they name some (<code>*</code> matches any
            run of characters: <code>search.*</code>); service keys use the APIs they are given (every API when none is ticked), with personal data masked, and
            never append. The keys in <code>REWIND_INGEST_KEY</code> and <code>REWIND_API_KEY</code> work as one of each and are not listed.
          </p>
          <KeysTable keys={keys} lastRead={lastRead} />
        </div>
        <Card as="div" className="self-start">
          <h2 className="mb-3 font-semibold">Create a key</h2>
          <ActionForm action={createApiKeyAction} label="Create key">
            <label className="block text-sm">
              Kind{" "}
              <select name="kind" defaultValue="producer" className={input}>
                <option value="producer">producer (appends)</option>
                <option value="service">service (reads, masked)</option>
              </select>
            </label>
            <label className="block text-sm">
              Name <input name="name" required placeholder="payment service" className={input} />
            </label>
            <label className="block text-sm">
              Source (producer keys) <input name="source" placeholder="/holidays/payment" className={input} />
            </label>
            <label className="block text-sm">
              Types (producer keys, optional) <input name="types" placeholder="payment.*, booking.booking.confirmed" className={input} />
            </label>
            <fieldset className="text-sm">
              <legend>Permissions (service keys; none ticked: every API, as keys made before)</legend>
              {SERVICE_PERMISSIONS.map((p) => (
                <label key={p} className="mt-1 flex items-start gap-2">
                  <input type="checkbox" name="permissions" value={p} className="mt-1" />
                  <span>
                    <code className="text-xs">{p}</code> <span className="text-slate-500">{PERMISSIONS[p]}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </ActionForm>
        </Card>
      </section>
    </div>
  );
}
