import type { Metadata } from "next";
import Link from "next/link";
import { AfterDropOffFigures } from "@/components/analytics/after-drop-off-figures";
import { AnalyticsHeader, percent } from "@/components/analytics/analytics-header";
import { EmptyRange, isEmptyRange } from "@/components/analytics/empty-range";
import { PathsSankey } from "@/components/analytics/paths-sankey";
import { Card } from "@/components/ui/card";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterChips } from "@/components/ui/filter-chips";
import type { Figure } from "@/lib/analytics/after-drop-off";
import { rangeQuery } from "@/lib/analytics/range";
import { getAfterDropOff, stepOf } from "@/lib/data/after-drop-off";
import { analyticsView } from "@/lib/data/analytics";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "After a drop-off" };

const link = "text-amber-700 hover:underline dark:text-amber-400";

/** What the customers who dropped off after a funnel step did next: figures by customer, each opening its sessions. */
export default async function AfterDropOffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer("analytics.view");
  const params = await searchParams;
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
  const { summary, sankey, labels, words } = await getAfterDropOff(journey, range, step);
  const sessionsOf = (figure: Figure) => `/sessions?${rangeQuery(range, { journey: journey.name, step: step.key, afterDrop: figure, back: "after-drop-off" })}`;
  const hrefOf = (e: { key: string; paths: string[] }) => sessionsOf(e.paths.length === 1 ? `path:${e.paths[0]}` : `through:${e.key}`);
  const drawn = { nodes: sankey.nodes.map((n) => ({ ...n, href: hrefOf(n) })), links: sankey.links.map((l) => ({ ...l, href: hrefOf(l) })) };
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
        <>
          <AfterDropOffFigures summary={summary} hrefOf={Object.fromEntries(FIGURES.map((f) => [f, sessionsOf(f)]))} />
          <section className="space-y-2" aria-labelledby="next-session">
            <h2 id="next-session" className="font-semibold">
              Their next session
            </h2>
            {summary.cameBackEver.customers === 0 ? (
              <EmptyState>None of them has come back yet.</EmptyState>
            ) : (
              <>
                <Card>
                  <PathsSankey data={drawn} label="How the next session went, from its start" />
                </Card>
                <DataTable label="Next sessions" columns={["Steps reached", "Ended", ["Customers", "text-right"], ["Share", "text-right"]]} stacked>
                  {summary.nextPaths.map((p) => (
                    <Row key={p.key} stacked>
                      <Cell className="block font-medium sm:table-cell sm:font-normal">
                        {p.steps.length > 0 ? p.steps.map((s) => labels[s] ?? s).join(" → ") : "(no step of the funnel)"}
                      </Cell>
                      <Cell label="Ended">{words[p.outcome] ?? p.outcome}</Cell>
                      <Cell numeric label="Customers">
                        <Link className={link} href={sessionsOf(`path:${p.key}`)}>
                          {p.customers.toLocaleString("en-GB")}
                        </Link>
                      </Cell>
                      <Cell numeric label="Share">
                        {percent(p.share)}
                      </Cell>
                    </Row>
                  ))}
                </DataTable>
                {summary.otherPaths.paths > 0 && (
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    {summary.otherPaths.customers.toLocaleString("en-GB")} more went {summary.otherPaths.paths.toLocaleString("en-GB")} other ways.
                  </p>
                )}
              </>
            )}
          </section>
        </>
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

const FIGURES: Figure[] = ["dropped", "back-1", "back-7", "back-30", "back-any", "completed"];
