import type { Metadata } from "next";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { ActionForm } from "@/components/admin/action-form";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { formatWallClock } from "@/components/replay/format-time";
import { readStoredKeyTypes } from "@/lib/auth/key-scope";
import { listKeys } from "@/lib/data/admin";
import { requireViewer } from "@/lib/data/viewer";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/actions/admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API keys" };

const input = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

export default async function AdminKeysPage() {
  await requireViewer("admin.manage");
  const keys = await listKeys();
  return (
    <div className="space-y-5">
      <AdminTabs current="/admin/keys" />
      <section className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-2">
          <p className="text-sm text-slate-500">
            Producer keys append events for one source service and nothing else, and only the types they name when they name some (<code>*</code> matches any run of characters: <code>search.*</code>); service keys read every API with personal data masked and never append.
            The keys in <code>REWIND_INGEST_KEY</code> and <code>REWIND_API_KEY</code> work as one of each and are not listed.
          </p>
          <DataTable label="API keys" columns={["Name", "Kind", "Source", "Types", "Key starts", "Created", "Status"]}>
            {keys.length === 0 && (
              <tr><td colSpan={7} className="px-3 py-4 text-center text-slate-500">No keys yet.</td></tr>
            )}
            {keys.map((k) => (
              <tr key={k.id} className="border-t border-slate-100 dark:border-slate-800">
                <td className="px-3 py-2 font-medium">{k.name}</td>
                <td className="px-3 py-2">{k.kind}</td>
                <td className="px-3 py-2 font-mono text-xs">{k.source ?? (k.kind === "producer" ? "any" : "—")}</td>
                <td className="px-3 py-2 font-mono text-xs">{k.kind === "producer" ? (readStoredKeyTypes(k.types)?.join(", ") ?? "any") : "—"}</td>
                <td className="px-3 py-2 font-mono text-xs">{k.prefix}…</td>
                <td className="px-3 py-2 text-xs text-slate-500">{formatWallClock(k.createdAt.getTime())}{k.createdBy ? ` by ${k.createdBy}` : ""}</td>
                <td className="px-3 py-2">
                  {k.revokedAt ? (
                    <span className="text-xs text-red-700 dark:text-red-400">revoked {formatWallClock(k.revokedAt.getTime())}</span>
                  ) : (
                    <form action={revokeApiKeyAction}>
                      <input type="hidden" name="id" value={k.id} />
                      <ConfirmButton question={`Revoke the key “${k.name}”? Whatever uses it is refused from now on.`} className="text-xs text-red-700 underline dark:text-red-400">Revoke</ConfirmButton>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
        <div className="self-start rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
          <h2 className="mb-3 font-semibold">Create a key</h2>
          <ActionForm action={createApiKeyAction} label="Create key">
            <label className="block text-sm">Kind{" "}
              <select name="kind" defaultValue="producer" className={input}>
                <option value="producer">producer (appends)</option>
                <option value="service">service (reads, masked)</option>
              </select>
            </label>
            <label className="block text-sm">Name <input name="name" required placeholder="payment service" className={input} /></label>
            <label className="block text-sm">Source (producer keys){" "}
              <input name="source" placeholder="/holidays/payment" className={input} />
            </label>
            <label className="block text-sm">Types (producer keys, optional){" "}
              <input name="types" placeholder="payment.*, booking.booking.confirmed" className={input} />
            </label>
          </ActionForm>
        </div>
      </section>
    </div>
  );
}
