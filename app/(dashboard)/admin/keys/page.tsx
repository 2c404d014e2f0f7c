import type { Metadata } from "next";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyRow } from "@/components/ui/empty-state";
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
            Producer keys append events for one source service and nothing else, and only the types they name when they name some (<code>*</code> matches any
            run of characters: <code>search.*</code>); service keys read every API with personal data masked and never append. The keys in{" "}
            <code>REWIND_INGEST_KEY</code> and <code>REWIND_API_KEY</code> work as one of each and are not listed.
          </p>
          <DataTable label="API keys" columns={["Name", "Kind", "Source", "Types", "Key starts", "Created", "Status"]}>
            {keys.length === 0 && <EmptyRow columns={7}>No keys yet.</EmptyRow>}
            {keys.map((k) => (
              <Row key={k.id}>
                <Cell className="font-medium">{k.name}</Cell>
                <Cell>{k.kind}</Cell>
                <Cell className="font-mono text-xs">{k.source ?? (k.kind === "producer" ? "any" : "—")}</Cell>
                <Cell className="font-mono text-xs">{k.kind === "producer" ? (readStoredKeyTypes(k.types)?.join(", ") ?? "any") : "—"}</Cell>
                <Cell className="font-mono text-xs">{k.prefix}…</Cell>
                <Cell className="text-xs text-slate-500">
                  {formatWallClock(k.createdAt.getTime())}
                  {k.createdBy ? ` by ${k.createdBy}` : ""}
                </Cell>
                <Cell>
                  {k.revokedAt ? (
                    <span className="text-xs text-red-700 dark:text-red-400">revoked {formatWallClock(k.revokedAt.getTime())}</span>
                  ) : (
                    <form action={revokeApiKeyAction}>
                      <input type="hidden" name="id" value={k.id} />
                      <ConfirmButton question={`Revoke the key “${k.name}”? Whatever uses it is refused from now on.`} className={buttonClass("danger")}>
                        Revoke
                      </ConfirmButton>
                    </form>
                  )}
                </Cell>
              </Row>
            ))}
          </DataTable>
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
          </ActionForm>
        </Card>
      </section>
    </div>
  );
}
