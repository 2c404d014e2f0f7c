import Link from "next/link";
import type { ReactNode } from "react";
import { formatWallClock } from "@/components/replay/format-time";
import { ResumeLinkButton } from "@/components/resume/resume-link-button";
import { CustomerListSection } from "./customer-list-section";
import type { WorkItem } from "@/lib/data/work-queue";
import { customerHref } from "@/lib/users/customer-href";
import { lowerFirst, stepsInWords } from "@/lib/users/steps-in-words";

/**
 * The agent's start page: journeys that stopped and can still be continued, newest first, each
 * with why it stopped and what it would take, one click from its replay and from a resume link.
 */
export function WorkQueue({
  items,
  stopped,
  from,
  next,
  canResume,
}: {
  items: WorkItem[];
  stopped: number;
  from: number;
  next: string | null;
  canResume: boolean;
}) {
  return (
    <CustomerListSection
      id="work-queue"
      title="Stopped journeys to follow up"
      label="Work queue"
      empty={items.length === 0 ? "No stopped journey waits to be continued." : null}
      footer={<QueuePages shown={items.length} stopped={stopped} from={from} next={next} />}
    >
      {items.map((item) => (
        <WorkItemRow key={item.sessionId} item={item} canResume={canResume} />
      ))}
    </CustomerListSection>
  );
}

/** One stopped journey: who, why it stopped, what it would take, and its replay and resume link; `mark` says why it is listed, when not only by the queue. */
export function WorkItemRow({ item, canResume, mark }: { item: WorkItem; canResume: boolean; mark?: ReactNode }) {
  return (
    <li className="flex flex-col gap-2 px-4 py-3 md:flex-row md:items-start md:justify-between">
      <div className="min-w-0 flex-1 space-y-0.5 text-sm">
        {mark}
        <p className="flex flex-wrap items-baseline gap-x-2">
          <Link href={customerHref(item.userId, item.reference)} className="font-medium text-amber-800 hover:underline dark:text-amber-300">
            {item.personName ?? item.userId}
          </Link>
          <span className="text-xs text-slate-500">{item.personName ? item.userId : item.reference}</span>
          <span className="text-xs text-slate-500">
            {item.journeyLabel} · stopped {formatWallClock(Date.parse(item.stoppedAt))}
          </span>
        </p>
        <p>
          <span className="font-medium">Stopped: {lowerFirst(item.dropReason)}</span>
          <span className="text-slate-600 dark:text-slate-300"> · left off at “{item.stepLabel}”</span>
        </p>
        {item.remaining.length > 0 && <p className="text-slate-600 dark:text-slate-300">To continue: {stepsInWords(item.remaining)}</p>}
        {item.blockers.map((b) => (
          <p key={b} className="text-xs text-amber-800 dark:text-amber-300">
            {b}
          </p>
        ))}
      </div>
      <div className="flex min-w-0 flex-wrap items-start gap-2 md:max-w-sm md:justify-end">
        <Link
          href={`/sessions/${encodeURIComponent(item.sessionId)}`}
          className="rounded border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Replay
        </Link>
        {canResume && <ResumeLinkButton userId={item.reference} sessionId={item.sessionId} />}
      </div>
    </li>
  );
}

/**
 * Where this page is, and how many could wait at most: every stopped session is judged only when
 * its page is shown (lib/users/work-queue.ts), so the number that can still be continued is known
 * only up to the ones left out. With Show more (by cursor) and a way back to the newest.
 */
function QueuePages({ shown, stopped, from, next }: { shown: number; stopped: number; from: number; next: string | null }) {
  if (shown === 0 && from === 0) return null;
  return (
    <p role="status" className="flex flex-wrap items-baseline gap-x-3 text-sm text-slate-500">
      <span>
        {shown === 0 ? "Nothing further" : `${from + 1}–${from + shown}`} of up to {stopped.toLocaleString("en-GB")}, newest stop first (one that can no longer
        be continued is left out)
      </span>
      {next !== null && (
        <Link href={`/users?queue=${encodeURIComponent(next)}`} className="text-amber-700 hover:underline dark:text-amber-400">
          Show more
        </Link>
      )}
      {from > 0 && (
        <Link href="/users" className="text-amber-700 hover:underline dark:text-amber-400">
          Back to the newest
        </Link>
      )}
    </p>
  );
}
