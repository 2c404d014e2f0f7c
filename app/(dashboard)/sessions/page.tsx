import { OUTCOMES } from "@/lib/journeys/outcomes";
import { BACK, describeDrillDown, drillDownFilter, drillDownHref, drillDownQuerySchema } from "@/lib/sessions/drill-down-query";
import type { Metadata } from "next";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { FilterChips } from "@/components/ui/filter-chips";
import Link from "next/link";
import { countSessions, listRecentSessions } from "@/lib/data/sessions";
import { listAfterDropOffFigure } from "@/lib/data/after-drop-off";
import { liveCatalog } from "@/lib/data/catalog";
import { requireViewer } from "@/lib/data/viewer";
import { SearchBuilder, type BuilderValues } from "@/components/sessions/search-builder";
import { SearchResults } from "@/components/sessions/search-results";
import { searchChoices, searchForPage } from "@/lib/data/session-search";
import { arrivedFromAnotherSite, requestedPage } from "@/lib/data/cross-site";
import { OpenFromElsewhere } from "@/components/access/open-from-elsewhere";
import { SaveSegment } from "@/components/segments/save-segment";
import { can } from "@/lib/access/roles";
import { findSegment } from "@/lib/data/segments";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sessions" };

/** Every session, newest first: where analysts start, and any role that replays. Names are masked. */
export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("sessions.replay");
  const raw = await searchParams;
  const params = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]])));
  // `search=1`: the filter builder's search (lib/search); without it, the list and the analytics drill-downs as before.
  if (params.has("search")) return <SearchPage viewer={viewer} params={params} />;
  const query = drillDownQuerySchema.parse(raw);
  const { outcome, after } = query;
  const { journeyName, filter } = drillDownFilter(query);
  const journey = journeyName ? (await liveCatalog()).byName(journeyName) : null;
  // A figure after a drop-off lists the sessions the report counted (its customers' later ones too), not a filter on these columns.
  const [{ sessions, older }, total] = query.afterDrop
    ? await listAfterDropOffFigure(viewer, journey, query, outcome, after).then((r) => [r, r.total] as const)
    : await Promise.all([listRecentSessions(filter, after), countSessions(filter)]);
  const segment = query.afterDrop && query.segment ? await findSegment(query.segment) : null;
  const filterText = describeDrillDown(query, journey, segment?.name);
  const outcomeWord = (o: (typeof OUTCOMES)[number]) => (journey ? journey.outcomeLabel(undefined, o) : o);
  // Back to the report the analyst came from (the funnel when a link did not say), same journey and days.
  const back = BACK[query.back ?? "funnel"];
  const backHref = `${back.path}?${new URLSearchParams(
    Object.entries({ journey: journeyName, from: query.from, to: query.to, step: query.step, segment: query.segment }).filter(
      (e): e is [string, string] => e[1] !== undefined,
    ),
  )}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Sessions</h1>
        {!filterText && <Builder values={{ reached: [], notReached: [], where: [], dimension: [] }} open={false} />}
        {!filterText && (
          <span className="text-sm text-slate-500" data-testid="sessions-total">
            {total.toLocaleString("en")} {outcome ? `${outcomeWord(outcome)} ` : ""}
            {total === 1 ? "session" : "sessions"}
          </span>
        )}
        <FilterChips
          label="Outcome"
          // One journey's list says its outcomes in its words, as its badges do ("booked", not "completed").
          items={[undefined, ...OUTCOMES].map((o) => ({
            key: o ?? "all",
            text: o ? outcomeWord(o) : "all",
            href: drillDownHref(query, o),
            current: o === outcome,
          }))}
        />
      </div>
      {filterText && (
        <Notice role="status" tone="warning" className="flex flex-wrap items-center gap-3">
          <span>
            <strong data-testid="drill-total">
              {total.toLocaleString("en")} {total === 1 ? "session" : "sessions"}
            </strong>{" "}
            {filterText}.
          </span>
          {(query.from || query.to || query.segment) && (
            <Link href={backHref} className="underline">
              Back to {query.segment && query.afterDrop ? "what came after the segment" : back.label}
            </Link>
          )}
          <Link href={drillDownHref({}, outcome)} className="underline">
            Show all sessions
          </Link>
          {can(viewer.role, "segments.save") && !query.segment && <SaveSegment query={params.toString()} />}
        </Notice>
      )}
      {sessions.length === 0 ? (
        <EmptyState>{filterText ? "No sessions match." : `No sessions${outcome ? ` with outcome “${outcome}”` : ""} yet.`}</EmptyState>
      ) : (
        <SessionsTable sessions={sessions} show="customer" />
      )}
      {older && (
        <Link href={drillDownHref(query, outcome, older)} className="inline-block text-sm text-amber-700 hover:underline dark:text-amber-400">
          Older sessions →
        </Link>
      )}
    </div>
  );
}

async function Builder({ values, open }: { values: BuilderValues; open: boolean }) {
  const { journeys, types } = await searchChoices();
  return (
    <details open={open} className="order-last w-full rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <summary className="cursor-pointer text-sm font-medium text-amber-700 dark:text-amber-400">Filter by what happened</summary>
      <div className="mt-3">
        <SearchBuilder journeys={journeys} values={values} types={types} outcomes={[...OUTCOMES]} />
      </div>
    </details>
  );
}

/** The filter builder's search: filters in the URL, the exact count, a page at a time, each row opening at its first match. */
async function SearchPage({ viewer, params }: { viewer: Awaited<ReturnType<typeof requireViewer>>; params: URLSearchParams }) {
  // A search by data may be a search for a person (on record in the viewer's name): another site's link asks first.
  if (params.has("where") && (await arrivedFromAnotherSite())) {
    return <OpenFromElsewhere href={await requestedPage(`/sessions?${params}`)} what="this search" />;
  }
  const answer = await searchForPage(viewer, params);
  const one = (name: string) => params.get(name) ?? undefined;
  const values: BuilderValues = {
    ...Object.fromEntries(
      ["journey", "from", "to", "outcome", "dropReason", "hasType", "minEvents", "maxEvents", "minDuration", "maxDuration"].map((n) => [n, one(n)]),
    ),
    reached: params.getAll("reached"),
    notReached: params.getAll("notReached"),
    where: params.getAll("where"),
    dimension: params.getAll("dimension"),
  };
  const next = new URLSearchParams(params);
  if (answer.next) next.set("cursor", answer.next);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Sessions</h1>
        <Link href="/sessions" className="text-sm underline">
          Show all sessions
        </Link>
        {can(viewer.role, "segments.save") && <SaveSegment query={params.toString()} />}
        <Builder values={values} open />
      </div>
      <SearchResults total={answer.total} sessions={answer.sessions} nextHref={answer.next ? `/sessions?${next}` : null} error={answer.error} />
    </div>
  );
}
