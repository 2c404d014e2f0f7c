import Link from "next/link";
import { AfterDropOffFigures } from "@/components/analytics/after-drop-off-figures";
import { percent } from "@/components/analytics/analytics-header";
import { PathsSankey } from "@/components/analytics/paths-sankey";
import { Card } from "@/components/ui/card";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { AfterDropOffSummary, Figure } from "@/lib/analytics/after-drop-off";
import type { SankeyData } from "@/lib/analytics/paths-report";

const link = "text-amber-700 hover:underline dark:text-amber-400";

export const FIGURES: Figure[] = ["dropped", "back-1", "back-7", "back-30", "back-any", "completed"];

/**
 * The figures and the next session's paths of "what came after", whoever the cohort is (a step's
 * drop-offs, a segment's sessions); every count links to `sessionsOf(figure)`.
 */
export function AfterDropOffReport({
  summary,
  sankey,
  labels,
  words,
  sessionsOf,
  ofSegment = false,
}: {
  summary: AfterDropOffSummary;
  sankey: SankeyData;
  labels: Record<string, string>;
  words: Record<string, string>;
  sessionsOf: (figure: Figure) => string;
  ofSegment?: boolean;
}) {
  const hrefOf = (e: { key: string; paths: string[] }) => sessionsOf(e.paths.length === 1 ? `path:${e.paths[0]}` : `through:${e.key}`);
  const drawn = { nodes: sankey.nodes.map((n) => ({ ...n, href: hrefOf(n) })), links: sankey.links.map((l) => ({ ...l, href: hrefOf(l) })) };
  return (
    <>
      <AfterDropOffFigures summary={summary} hrefOf={Object.fromEntries(FIGURES.map((f) => [f, sessionsOf(f)]))} ofSegment={ofSegment} />
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
  );
}
