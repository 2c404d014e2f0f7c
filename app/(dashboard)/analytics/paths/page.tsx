import { OUTCOMES, outcomeParam } from "@/lib/journeys/outcomes";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyRange, isEmptyRange } from "@/components/analytics/empty-range";
import { AnalyticsHeader, percent } from "@/components/analytics/analytics-header";
import { PathsSankey } from "@/components/analytics/paths-sankey";
import { Card } from "@/components/ui/card";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { FilterChips } from "@/components/ui/filter-chips";
import { rangeQuery } from "@/lib/analytics/range";
import { analyticsView, getPaths } from "@/lib/data/analytics";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Paths" };

const outcomeSchema = outcomeParam.nullable().catch(null);

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
  const { paths, sankey, labels } = await getPaths(journey, range, outcome);
  const word = (o: string) => ((OUTCOMES as readonly string[]).includes(o) ? journey.outcomeLabel(undefined, o as (typeof OUTCOMES)[number]) : o);
  return (
    <div className="space-y-5">
      <AnalyticsHeader current="paths" range={range} view={view} extra={{ outcome: outcome ?? undefined }} />
      <FilterChips
        label="Outcome"
        items={[null, ...OUTCOMES].map((o) => ({
          key: o ?? "all",
          text: o ? word(o) : "every outcome",
          href: `/analytics/paths?${rangeQuery(range, { journey: journey.name, outcome: o ?? undefined })}`,
          current: o === outcome,
        }))}
      />
      <Card>
        <PathsSankey data={sankey} />
      </Card>
      {paths.length > 0 && (
        <DataTable label="Common paths" columns={["Path", "Ended", ["Sessions", "text-right"], ["Share", "text-right"]]} stacked>
          {paths.map((p) => (
            <Row key={`${p.steps.join(">")}>${p.outcome}`} stacked>
              <Cell className="block font-medium sm:table-cell sm:font-normal">
                {p.steps.length > 0 ? p.steps.map((s) => labels[s] ?? s).join(" → ") : "(no step of the funnel)"}
              </Cell>
              <Cell label="Ended">{word(p.outcome)}</Cell>
              <Cell numeric label="Sessions">
                <Link
                  className="text-amber-700 hover:underline dark:text-amber-400"
                  href={`/sessions?${rangeQuery(range, { journey: journey.name, back: "paths", path: [...p.steps, `end:${p.outcome}`].join(">") })}`}
                >
                  {p.count.toLocaleString("en-GB")}
                </Link>
              </Cell>
              <Cell numeric label="Share">
                {percent(p.share)}
              </Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </div>
  );
}
