import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { SessionsTable } from "./sessions-table";

type Found = Parameters<typeof SessionsTable>[0]["sessions"][number] & { firstMatch: { seq: number; position: number } | null };

/** A search's answer on the sessions page: how many match, a page of them (each opening at its first match), the next page. */
export function SearchResults({ total, sessions, nextHref, error }: { total: number; sessions: Found[]; nextHref: string | null; error?: string }) {
  if (error) {
    return (
      <Notice role="alert" tone="warning" data-testid="search-error">
        {error}
      </Notice>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm" role="status">
        <strong data-testid="search-total">
          {total.toLocaleString("en")} {total === 1 ? "session matches" : "sessions match"}
        </strong>
        {total > 0 && <span className="text-slate-500"> · each opens at its first matching event</span>}
      </p>
      {sessions.length === 0 ? <EmptyState>No sessions match.</EmptyState> : <SessionsTable sessions={sessions} show="customer" stacked />}
      {nextHref && (
        <Link href={nextHref} className="inline-block text-sm text-amber-700 hover:underline dark:text-amber-400">
          More sessions →
        </Link>
      )}
    </div>
  );
}
