import type { Metadata } from "next";
import Link from "next/link";
import { AfterDropOffReport } from "@/components/analytics/after-drop-off-report";
import { AnalyticsHeader } from "@/components/analytics/analytics-header";
import { EmptyRange, isEmptyRange } from "@/components/analytics/empty-range";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterChips } from "@/components/ui/filter-chips";
import type { Figure } from "@/lib/analytics/after-drop-off";
import { rangeQuery } from "@/lib/analytics/range";
import { getAfterDropOff, stepOf } from "@/lib/data/after-drop-off";
import { segmentCohort, segmentJourney, stepCohort } from "@/lib/data/after-drop-off-cohort";
import { liveCatalog } from "@/lib/data/catalog";
import { findSegment } from "@/lib/data/segments";
import type { Viewer } from "@/lib/access/viewer";
import { ApiError } from "@/lib/http/errors";
import { analyticsView } from "@/lib/data/analytics";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "After a drop-off" };

const link = "text-amber-700 hover:underline dark:text-amber-400";

/** What the customers who dropped off after a funnel step did next: figures by customer, each opening its sessions. */
export default async function AfterDropOffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("analytics.view");
  const params = await searchParams;
  // From a saved segment: its sessions are the cohort, whatever range the header would pick.
  if (typeof params.segment === "string") return <SegmentFollowUp viewer={viewer} id={params.segment} asked={params.journey} />;
  const { range, view } = await analyticsView(params);
  const { journey } = view;
  // The step asked for, else the journey's first: another journey's step key (after a switch in the picker) means its first.
  const step = stepOf(journey, typeof params.step === "string" ? params.step : undefined) ?? stepOf(journey, journey.funnel[0]?.key);
  const header = <AnalyticsHeader current="after-drop-off" range={range} view={view} extra={{ step: step?.key }} />;
  if (isEmptyRange(view)) {
    return (
      <div className="space-y-5">
        {header}
        <EmptyRange path="/analytics/after-drop-off" range={range} journey={journey} span={view.span} extra={{ step: step?.key }} />
      </div>
    );
  }
  if (!step) {
    return (
      <div className="space-y-5">
        {header}
        <EmptyState>{journey.label} have no steps, so no drop-offs to follow: its sessions are in the overview and the paths.</EmptyState>
      </div>
    );
  }
  const { summary, sankey, labels, words } = await getAfterDropOff(journey, await stepCohort(journey, range, step));
  const sessionsOf = (figure: Figure) => `/sessions?${rangeQuery(range, { journey: journey.name, step: step.key, afterDrop: figure, back: "after-drop-off" })}`;
  return (
    <div className="space-y-5">
      {header}
      <FilterChips
        label="Dropped off after"
        items={journey.funnel.map((s) => ({
          key: s.key,
          text: s.label,
          href: `/analytics/after-drop-off?${rangeQuery(range, { journey: journey.name, step: s.key })}`,
          current: s.key === step.key,
        }))}
      />
      <h2 className="text-lg font-semibold">What came after dropping off after “{step.label}”</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="after-drop-off-cohort">
        {summary.customers.toLocaleString("en-GB")} {summary.customers === 1 ? "customer" : "customers"} dropped off after “{step.label}” in the range (
        {summary.dropOffSessions.toLocaleString("en-GB")} drop-off {summary.dropOffSessions === 1 ? "session" : "sessions"}: a customer who dropped off here
        more than once counts once, from their first drop-off)
        {summary.anonymous > 0 && `; ${summary.anonymous.toLocaleString("en-GB")} without a customer cannot be followed`}.{" "}
        <Link className={link} href={`/analytics/funnel?${rangeQuery(range, { journey: journey.name })}`}>
          Back to the funnel
        </Link>
      </p>
      {summary.customers === 0 ? (
        <EmptyState>No customer dropped off after “{step.label}” in this range.</EmptyState>
      ) : (
        <AfterDropOffReport summary={summary} sankey={sankey} labels={labels} words={words} sessionsOf={sessionsOf} />
      )}
      <p className="text-xs text-slate-500">
        Drop-offs are the funnel&apos;s: sessions that started in the range, reached this step and not the next, and ended without completing. Everything is
        counted by customer, from their first drop-off here in the range. Later means their later sessions of {journey.label.toLowerCase()}, however long after
        (up to what the store holds, so the last days of a range have had less time to return). A return is measured from the drop-off&apos;s last event to the
        next session&apos;s start; the wait to complete, to the start of the first later session that completed (the lower median, in whole seconds).
      </p>
    </div>
  );
}

/** What came after a saved segment's sessions, in the journey it names (or the one chosen, for a segment of every journey). */
async function SegmentFollowUp({ viewer, id, asked }: { viewer: Viewer; id: string; asked: string | string[] | undefined }) {
  const segment = await findSegment(id);
  const title = <h1 className="text-xl font-semibold">What came after a segment</h1>;
  const toSegments = (
    <Link className={link} href="/segments">
      Back to the segments
    </Link>
  );
  if (!segment) {
    return (
      <div className="space-y-5">
        {title}
        <EmptyState>That segment no longer exists: it was deleted. {toSegments}</EmptyState>
      </div>
    );
  }
  const catalog = await liveCatalog();
  const named = segmentJourney(segment.query);
  const journey = named ? catalog.byName(named) : (catalog.byName(typeof asked === "string" ? asked : "holiday-booking") ?? catalog.journeys[0]);
  // A journey deleted since, or a step it no longer has: said, as the segments list says it.
  const cohort = journey ? await segmentCohort(viewer, segment, journey).catch((e: unknown) => (e instanceof ApiError ? e : Promise.reject(e))) : null;
  if (!journey || cohort instanceof ApiError || cohort === null) {
    const why = cohort instanceof ApiError ? cohort.message : `its journey “${named}” is no longer defined`;
    return (
      <div className="space-y-5">
        {title}
        <EmptyState>
          The segment “{segment.name}” cannot be followed now: {why}. {toSegments}
        </EmptyState>
      </div>
    );
  }
  const { summary, sankey, labels, words } = await getAfterDropOff(journey, cohort);
  const base = { journey: journey.name, segment: segment.id };
  const sessionsOf = (figure: Figure) => `/sessions?${new URLSearchParams({ ...base, afterDrop: figure, back: "after-drop-off" })}`;
  return (
    <div className="space-y-5">
      {title}
      {named === undefined && (
        <FilterChips
          label="Journey"
          items={catalog.journeys.map((j) => ({
            key: j.name,
            text: j.label,
            href: `/analytics/after-drop-off?${new URLSearchParams({ segment: segment.id, journey: j.name })}`,
            current: j.name === journey.name,
          }))}
        />
      )}
      <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="after-drop-off-cohort">
        {summary.customers.toLocaleString("en-GB")} {summary.customers === 1 ? "customer" : "customers"} in the segment “
        <Link className={link} href={`/sessions?${segment.query}`}>
          {segment.name}
        </Link>
        ” ({summary.dropOffSessions.toLocaleString("en-GB")} {summary.dropOffSessions === 1 ? "session" : "sessions"} of {journey.label.toLowerCase()}, counted
        now: a customer with several counts once, from their first)
        {summary.anonymous > 0 && `; ${summary.anonymous.toLocaleString("en-GB")} without a customer cannot be followed`}. {toSegments}
      </p>
      {summary.customers === 0 ? (
        <EmptyState>No customer&apos;s session of {journey.label.toLowerCase()} is in this segment now.</EmptyState>
      ) : (
        <AfterDropOffReport summary={summary} sankey={sankey} labels={labels} words={words} sessionsOf={sessionsOf} ofSegment />
      )}
      <p className="text-xs text-slate-500">
        Later means each customer&apos;s later sessions of {journey.label.toLowerCase()}, in the segment or not, however long after their first session in it. A
        return is measured from that session&apos;s last event to the next session&apos;s start; the wait to complete, to the start of the first later session
        that completed (the lower median, in whole seconds).
      </p>
    </div>
  );
}
