import { OUTCOMES, outcomeParam } from "@/lib/journeys/outcomes";
import type { Metadata } from "next";
import { z } from "zod";
import Link from "next/link";
import { EmptyRange, isEmptyRange } from "@/components/analytics/empty-range";
import { AnalyticsHeader, percent } from "@/components/analytics/analytics-header";
import { PathsSankey } from "@/components/analytics/paths-sankey";
import { Card } from "@/components/ui/card";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { FilterChips } from "@/components/ui/filter-chips";
import { endedWords, pathGoesThrough, pathKey } from "@/lib/analytics/paths-report";
import { rangeQuery } from "@/lib/analytics/range";
import { analyticsView, getPaths } from "@/lib/data/analytics";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Paths" };

const outcomeSchema = outcomeParam.nullable().catch(null);
/** Steps: the journey's funnel steps (the default); events: each session's collapsed event types, as PostHog's paths. */
const levelSchema = z.enum(["steps", "events"]).catch("steps");
/** A Sankey node or link clicked ("1:view_offer", "0:search~1:view_offer"): the table narrows to the paths through it. */
const throughSchema = z
  .string()
  .regex(/^[\w.:~-]{1,400}$/)
  .nullable()
  .catch(null);

export default async function PathsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer("analytics.view");
  const params = await searchParams;
  const { range, view } = await analyticsView(params);
  const { journey } = view;
  if (isEmptyRange(view)) {
    return (
      <div className="space-y-5">
        <AnalyticsHeader current="paths" range={range} view={view} />
        <EmptyRange path="/analytics/paths" range={range} journey={journey} span={view.span} />
      </div>
    );
  }
  const outcome = outcomeSchema.parse(params.outcome ?? null);
  const through = throughSchema.parse(typeof params.through === "string" ? params.through : null);
  const level = levelSchema.parse(params.level);
  // Kept in every link of the page, and only when it is not the default, so a steps URL stays as it was.
  const levelParam = level === "events" ? level : undefined;
  const { paths, sankey, labels, sessions } = await getPaths(journey, range, outcome, level);
  const drawnSessions = paths.reduce((sum, p) => sum + p.count, 0);
  const sessionsOf = (path: string) =>
    `/sessions?${rangeQuery(range, { journey: journey.name, back: "paths", ...(level === "events" ? { eventPath: path } : { path }) })}`;
  const pathsPage = (extra: Record<string, string | undefined>) =>
    `/analytics/paths?${rangeQuery(range, { journey: journey.name, outcome: outcome ?? undefined, level: levelParam, ...extra })}`;
  // A click on the graph opens the sessions when one path goes through what was clicked, else the paths through it.
  const hrefOf = (e: { key: string; paths: string[] }) => (e.paths.length === 1 ? sessionsOf(e.paths[0]!) : `${pathsPage({ through: e.key })}#paths`);
  const drawn = {
    nodes: sankey.nodes.map((n) => ({ ...n, href: hrefOf(n) })),
    links: sankey.links.map((l) => ({ ...l, href: hrefOf(l) })),
  };
  const shown = through ? paths.filter((p) => pathGoesThrough(p, through)) : paths;
  const throughName = through && (sankey.links.find((l) => l.key === through) ?? sankey.nodes.find((n) => n.key === through));
  const nameOf = (key: string) => sankey.nodes.find((n) => n.key === key)?.name ?? key;
  const word = (o: string) => ((OUTCOMES as readonly string[]).includes(o) ? journey.outcomeLabel(undefined, o as (typeof OUTCOMES)[number]) : o);
  return (
    <div className="space-y-5">
      <AnalyticsHeader current="paths" range={range} view={view} extra={{ outcome: outcome ?? undefined, level: levelParam }} />
      <FilterChips
        label="Paths of"
        items={(["steps", "events"] as const).map((l) => ({
          key: l,
          text: l === "steps" ? "Steps" : "Events",
          href: `/analytics/paths?${rangeQuery(range, { journey: journey.name, outcome: outcome ?? undefined, level: l === "events" ? l : undefined })}`,
          current: l === level,
        }))}
      />
      <FilterChips
        label="Outcome"
        items={[null, ...OUTCOMES].map((o) => ({
          key: o ?? "all",
          text: o ? word(o) : "every outcome",
          href: `/analytics/paths?${rangeQuery(range, { journey: journey.name, outcome: o ?? undefined, level: levelParam })}`,
          current: o === outcome,
        }))}
      />
      {drawnSessions < sessions && (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="paths-shown">
          The {paths.length} commonest paths: {drawnSessions.toLocaleString("en-GB")} of {sessions.toLocaleString("en-GB")} sessions.
        </p>
      )}
      <Card>
        <PathsSankey data={drawn} label={level === "events" ? "Most common event paths from session start" : "Most common paths from session start"} />
      </Card>
      {through && throughName && (
        <p className="text-sm" data-testid="paths-through">
          Paths through {through.includes("~") ? through.split("~").map(nameOf).join(" → ") : nameOf(through)}: {shown.length} of {paths.length}.{" "}
          <Link className="text-amber-700 underline dark:text-amber-400" href={pathsPage({})}>
            Show every path
          </Link>
        </p>
      )}
      {shown.length > 0 && (
        <div id="paths" className="scroll-mt-4">
          <DataTable label="Common paths" columns={["Path", "Ended", ["Sessions", "text-right"], ["Share", "text-right"]]} stacked>
            {shown.map((p) => (
              <Row key={`${p.steps.join(">")}>${p.outcome}`} stacked>
                <Cell className="block font-medium sm:table-cell sm:font-normal">
                  {p.steps.length > 0 ? p.steps.map((s) => labels[s] ?? s).join(" → ") : level === "events" ? "(no event)" : "(no step of the funnel)"}
                </Cell>
                <Cell label="Ended">{endedWords(p, word(p.outcome))}</Cell>
                <Cell numeric label="Sessions">
                  <Link className="text-amber-700 hover:underline dark:text-amber-400" href={sessionsOf(pathKey(p))}>
                    {p.count.toLocaleString("en-GB")}
                  </Link>
                </Cell>
                <Cell numeric label="Share">
                  {percent(p.share)}
                </Cell>
              </Row>
            ))}
          </DataTable>
        </div>
      )}
    </div>
  );
}
