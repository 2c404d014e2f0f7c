import { formatWallClock } from "@/components/replay/format-time";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyRow } from "@/components/ui/empty-state";
import { RevocableBadge, RevokeForm } from "@/components/ui/revocable";
import { revokeApiKeyAction } from "@/lib/actions/admin";
import { readStoredKeyPermissions } from "@/lib/auth/key-permissions";
import { readStoredKeyTypes } from "@/lib/auth/key-scope";
import type { listKeys } from "@/lib/data/admin";

type KeyRow = Awaited<ReturnType<typeof listKeys>>[number];
const when = (ms: number) => formatWallClock(ms);
const COLUMNS = ["Name", "Kind", "Source", "Types or reads", "Key starts", "State", "Created", "Last used", ""];

/** A service key's permissions: "every API" for a key made without any (as every key before permissions). */
function readsOf(stored: string | null): string {
  return stored === null ? "every API" : readStoredKeyPermissions(stored).join(", ");
}

/**
 * Where each key stands. Last used: a producer key's newest append (kept to the minute, see
 * lib/auth/key-last-used.ts); a service key's newest audited read of customer data.
 */
export function KeysTable({ keys, lastRead }: { keys: KeyRow[]; lastRead: Map<number, Date> }) {
  return (
    <DataTable label="API keys" columns={COLUMNS} stacked>
      {keys.length === 0 && <EmptyRow columns={COLUMNS.length}>No keys yet.</EmptyRow>}
      {keys.map((k) => {
        const lastUsed = k.kind === "producer" ? k.lastUsedAt : lastRead.get(k.id);
        return (
          <Row key={k.id} stacked>
            <Cell label="Name" className="font-medium">
              {k.name}
            </Cell>
            <Cell label="Kind">{k.kind}</Cell>
            <Cell label="Source" className="font-mono text-xs">
              {k.source ?? (k.kind === "producer" ? "any" : "—")}
            </Cell>
            <Cell label="Types or reads" className="font-mono text-xs">
              {k.kind === "producer" ? (readStoredKeyTypes(k.types)?.join(", ") ?? "any type") : readsOf(k.permissions)}
            </Cell>
            <Cell label="Key starts" className="font-mono text-xs">
              {k.prefix}…
            </Cell>
            <Cell label="State" className="text-xs">
              <RevocableBadge state={k.revokedAt ? { state: "revoked", at: k.revokedAt.getTime() } : { state: "active" }} when={when} />
            </Cell>
            <Cell label="Created" className="text-xs text-slate-500">
              {when(k.createdAt.getTime())}
              {k.createdBy ? ` by ${k.createdBy}` : ""}
            </Cell>
            <Cell label="Last used" className="text-xs text-slate-500">
              {lastUsed ? (
                <span title={k.kind === "producer" ? "its newest append, to the minute" : "its newest audited read of customer data"}>
                  {when(lastUsed.getTime())}
                </span>
              ) : k.kind === "producer" ? (
                "never"
              ) : (
                "never on record"
              )}
            </Cell>
            <Cell label="" className="sm:text-right">
              {!k.revokedAt && (
                <RevokeForm
                  action={revokeApiKeyAction}
                  fields={{ id: k.id }}
                  question={`Revoke the key “${k.name}”? Whatever uses it is refused from now on.`}
                />
              )}
            </Cell>
          </Row>
        );
      })}
    </DataTable>
  );
}
