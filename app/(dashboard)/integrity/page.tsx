import type { Metadata } from "next";
import { IntegrityVerifier } from "@/components/integrity/integrity-verifier";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDigest } from "@/lib/data/integrity";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Integrity" };

/** Evidence that the record was not altered: the chain's digest to keep, and a check of every event. */
export default async function IntegrityPage() {
  await requireViewer("events.explore");
  const digest = await getDigest();
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Integrity of the store</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Every event Rewind appends is linked to the one before it by a hash of its content and of where the store put it. Change, remove, insert or reorder an
          event and the chain breaks from there. Someone able to rewrite the whole chain would still not match a digest you kept somewhere else: keep one (a
          ticket, an email, a notebook) and check the store against it later.
        </p>
      </div>
      <Card aria-label="Digest" className="space-y-2">
        <h2 className="font-semibold">The digest now</h2>
        {digest.digest ? (
          <>
            <div className="flex items-center gap-2">
              <code data-testid="digest" className="block flex-1 select-all break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs dark:bg-slate-950">
                {digest.digest}
              </code>
              <CopyButton text={digest.digest} label="Copy digest" />
            </div>
            <p className="text-xs text-slate-500">
              The chain up to event {digest.position?.toLocaleString("en")}
              {digest.head > (digest.position ?? 0) ? ` (the newest event is ${digest.head.toLocaleString("en")})` : ""}. Also at GET /api/integrity.
            </p>
          </>
        ) : (
          <EmptyState>No event has been appended since the chain began.</EmptyState>
        )}
      </Card>
      <IntegrityVerifier />
    </div>
  );
}
