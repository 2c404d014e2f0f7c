import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { FlowLanes } from "@/components/flows/flow-lanes";
import { formatElapsed, formatWallClock } from "@/components/replay/format-time";
import { can } from "@/lib/access/roles";
import { recordAccess } from "@/lib/data/audit";
import { FLOW_LIMIT, getFlowAt } from "@/lib/data/flows";
import { requireViewer } from "@/lib/data/viewer";
import { arrivedFromAnotherSite, requestedPage } from "@/lib/data/cross-site";
import { OpenFromElsewhere } from "@/components/access/open-from-elsewhere";
import { Notice } from "@/components/ui/notice";
import { decodeRouteParam } from "@/lib/api/route-param";
import { customerHref } from "@/lib/users/customer-href";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Flow" };

const correlationIdSchema = z.string().trim().min(1).max(200);

/** A business flow reconstructed from the store across services: the auditor's evidence. */
export default async function FlowPage({ params }: { params: Promise<{ correlationId: string }> }) {
  const viewer = await requireViewer("events.explore");
  if (await arrivedFromAnotherSite()) return <OpenFromElsewhere href={await requestedPage(`/flows/${(await params).correlationId}`)} what="this flow" />;
  const parsed = correlationIdSchema.safeParse(decodeRouteParam((await params).correlationId));
  if (!parsed.success) notFound();
  // By correlation id, or by the position of one of its events (`@1234`): links use the latter
  // when the id is personal, so it is never in a URL.
  const view = await getFlowAt(parsed.data);
  if (!view) notFound();
  const { flow } = view;
  // A flow holds customers' data: looking at it is on record like a replay, for each of them.
  for (const customer of view.auditCustomers.length > 0 ? view.auditCustomers : [null]) {
    await recordAccess(viewer, { action: "flow.viewed", customer, target: `/flows/${view.key}` });
  }
  const late = flow.steps.filter((s) => s.lateByMs !== null).length;
  const altered = flow.steps.filter((s) => !s.event.integrity.content || s.event.integrity.linked === false).length;
  const outOfOrder = flow.steps.flatMap((s, i) => (s.outOfOrder ? [`${i + 1}. ${s.event.type}`] : []));
  const lateSteps = flow.steps.flatMap((s, i) => (s.lateByMs !== null ? [`${i + 1}. ${s.event.type}`] : []));
  const delays = [
    late > 0 && `${late} reached the store more than a minute after a later event had (${lateSteps.join(", ")})`,
    outOfOrder.length > 0 && `${outOfOrder.length} appended after an event that happened later (${outOfOrder.join(", ")})`,
  ].filter(Boolean);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-xs text-slate-500">Flow (correlation id)</p>
          <h1 className="font-mono text-xl font-semibold">{view.correlationId}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {view.status} · {flow.steps.length} event{flow.steps.length === 1 ? "" : "s"} from {flow.services.length} service
            {flow.services.length === 1 ? "" : "s"}
            {flow.startedAt !== null &&
              flow.endedAt !== null &&
              ` · ${formatWallClock(flow.startedAt)} to ${formatWallClock(flow.endedAt)} (${formatElapsed(flow.endedAt - flow.startedAt)})`}
          </p>
        </div>
        <div className="flex flex-wrap gap-3 text-sm">
          {view.customers.map((c) =>
            can(viewer.role, "users.find") ? (
              <Link key={c.userId} href={customerHref(c.userId, c.reference)} className="text-amber-700 hover:underline dark:text-amber-400">
                Customer {c.userId}
              </Link>
            ) : (
              <span key={c.userId} className="text-slate-500">
                Customer {c.userId}
              </span>
            ),
          )}
          {view.sessions.map((session) => (
            <Link key={session.id} href={`/sessions/${encodeURIComponent(session.id)}`} className="text-amber-700 hover:underline dark:text-amber-400">
              Replay {session.userId}&apos;s session of {formatWallClock(Date.parse(session.startedAt))} ({session.outcome})
            </Link>
          ))}
          {/* The explorer filters by the id itself: not offered when that would put a personal id in a URL. */}
          {!view.personal && (
            <Link href={`/events?${new URLSearchParams({ correlation: view.key })}`} className="text-amber-700 hover:underline dark:text-amber-400">
              These events in the explorer
            </Link>
          )}
        </div>
      </div>
      <p role="status" aria-label="Delivery" className="text-sm text-slate-600 dark:text-slate-400">
        {late === 0 && outOfOrder.length === 0 ? "Every event reached the store in the order it happened." : `${delays.join("; ")}.`}
        {view.truncated && ` Only the first ${FLOW_LIMIT} events are shown.`}
      </p>
      <Notice role="status" aria-label="Integrity" tone={altered === 0 ? "intact" : "broken"}>
        {altered === 0
          ? `Each of these ${flow.steps.length} events still hashes to what was recorded when it was appended and links to the event before it.`
          : `${altered} of these events no longer match what was recorded when they were appended.`}{" "}
        Whether an event of this flow was removed from the store shows only in a check of the whole store:{" "}
        <Link href="/integrity" className="underline">
          verify the store
        </Link>
        .
      </Notice>
      <FlowLanes flow={flow} />
    </div>
  );
}
