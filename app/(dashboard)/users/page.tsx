import type { Metadata } from "next";
import Link from "next/link";
import { formatWallClock } from "@/components/replay/format-time";
import { CustomerStoryBadge } from "@/components/users/customer-story-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { OpenFromElsewhere } from "@/components/access/open-from-elsewhere";
import { ApiError } from "@/lib/http/errors";
import { arrivedFromAnotherSite, requestedPage } from "@/lib/data/cross-site";
import { openSearch, searchCustomers } from "@/lib/data/customer-search";
import { getMasker } from "@/lib/data/privacy";
import { requireViewer } from "@/lib/data/viewer";
import { customerHref } from "@/lib/users/customer-href";
import { can } from "@/lib/access/roles";
import { getQueuedAlerts, getWorkQueue, recentCustomersOf } from "@/lib/data/work-queue";
import { RecentCustomers } from "@/components/users/recent-customers";
import { StalledAlerts } from "@/components/users/stalled-alerts";
import { WorkQueue } from "@/components/users/work-queue";
import { QUEUE_CURSOR } from "@/lib/users/work-queue";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Find a customer" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("users.find");
  // `q`: the search box's query, sealed (lib/actions/users.ts), or typed by hand into the address
  // bar (`/users?q=BK-00W`: what does not open as sealed is taken as typed); `query`: the plain form.
  const { query, q: sealed, queue } = await searchParams;
  const typed = typeof sealed === "string" ? ((await openSearch(sealed)) ?? sealed) : typeof query === "string" ? query : null;
  const q = (typed ?? "").trim().slice(0, 200);
  // A settled search is on record in the viewer's name: another site's link to one asks first.
  if (q.length >= 2 && (await arrivedFromAnotherSite())) return <OpenFromElsewhere href={await requestedPage("/users")} what="this search" />;
  // The search box submits here: a settled search, on record; over the viewer's rate, a word why.
  const answer = q.length >= 2 ? await searchCustomers(viewer, q, { settled: true }).catch(refusedAsNotice) : { users: [], more: false };
  if ("notice" in answer)
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        {answer.notice}
      </p>
    );
  const { users, more } = answer;
  // The query is echoed through the same masking as everything else: an email typed in comes back
  // masked. Mask, then cut: an email cut at the 200th character would no longer look like one.
  const shown = (await getMasker()).text((typed ?? "").trim()).slice(0, 200);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Find a customer{q.length >= 2 ? ` · “${shown}”` : ""}</h1>
      {q.length === 1 && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          A search needs at least 2 characters: “{shown}” is one. Type more to search.
        </p>
      )}
      {q.length < 2 ? (
        <StartPage viewer={viewer} after={typeof queue === "string" ? queue : undefined} />
      ) : users.length === 0 ? (
        <EmptyState>No customer matches “{shown}”.</EmptyState>
      ) : (
        <Card as="ul" aria-label="Search results" flush className="divide-y divide-slate-100 dark:divide-slate-800">
          {users.map((u) => (
            <li key={u.userId}>
              <Link
                href={customerHref(u.userId, u.reference)}
                className="flex flex-wrap items-center gap-3 px-4 py-3 hover:bg-amber-50 dark:hover:bg-slate-800"
              >
                <span className="font-medium">{u.displayName ?? u.userId}</span>
                {/* Two masked "G•••• A•••••••" are told apart by id, reference, when last seen and how often. */}
                {u.displayName !== null && <span className="text-xs text-slate-500">{u.userId}</span>}
                {u.reference !== null && u.userId.includes("••") && <span className="font-mono text-xs text-slate-500">{u.reference}</span>}
                <span className="text-sm text-slate-600 dark:text-slate-300">
                  {u.sessionCount} session{u.sessionCount === 1 ? "" : "s"}
                </span>
                <span className="text-sm text-slate-500">last seen {formatWallClock(Date.parse(u.lastSeen))}</span>
                <CustomerStoryBadge customer={u} />
              </Link>
            </li>
          ))}
        </Card>
      )}
      {more && (
        <p role="status" className="text-sm text-slate-500">
          More customers match “{shown}”: these are the first {users.length}. Add to the search to narrow it (a whole email, a booking reference, a full name).
        </p>
      )}
    </div>
  );
}

/** Before a search: the agent's work queue and the customers they opened lately. */
async function StartPage({ viewer, after }: { viewer: Awaited<ReturnType<typeof requireViewer>>; after: string | undefined }) {
  // `queue`: where the shown page of the work queue starts (its "Show more" cursor); a hand-edited one is said to be refused.
  const cursor = after !== undefined && QUEUE_CURSOR.test(after) ? after : undefined;
  const [queue, alerts, recent] = await Promise.all([getWorkQueue(cursor), getQueuedAlerts(), recentCustomersOf(viewer)]);
  return (
    <div className="space-y-6">
      <EmptyState>Search by user id, name, email or booking reference (at least 2 characters) in the box at the top.</EmptyState>
      {after !== undefined && cursor === undefined && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          That link to a page of the work queue is not valid: here are the newest.
        </p>
      )}
      <StalledAlerts items={alerts} canResume={can(viewer.role, "resume-links.create")} />
      <WorkQueue {...queue} canResume={can(viewer.role, "resume-links.create")} />
      <RecentCustomers customers={recent} />
    </div>
  );
}

function refusedAsNotice(error: unknown): { notice: string } {
  if (error instanceof ApiError && error.code === "rate_limited") return { notice: `Too many searches in a short time: ${error.message}.` };
  throw error;
}
