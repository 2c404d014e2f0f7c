import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AnalyticsHeader, formatSeconds, percent } from "@/components/analytics/analytics-header";
import { FunnelChart } from "@/components/analytics/funnel-chart";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { FilterChips } from "@/components/ui/filter-chips";
import { readRange, rangeQuery } from "@/lib/analytics/range";
import { DIMENSIONS } from "@/lib/analytics/rollup";
import { getFunnel } from "@/lib/data/analytics";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Funnel" };

const bySchema = z.enum(DIMENSIONS).nullable().catch(null);

export default async function FunnelPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer("analytics.view");
  const params = await searchParams;
  const range = readRange(params);
  const by = bySchema.parse(params.by ?? null);
  const { rows, steps, breakdown } = await getFunnel(range, by);
  const sessions = (extra: Record<string, string | number>) => `/sessions?${rangeQuery(range, extra)}`;
  return (
    <div className="space-y-5">
      <AnalyticsHeader current="funnel" range={range} extra={{ by: by ?? undefined }} />
      <Card>
        <FunnelChart rows={rows} />
      </Card>
      <DataTable
        label="Funnel"
        columns={[
          "Step",
          ["Sessions", "text-right"],
          ["Of those who searched", "text-right"],
          ["Of previous", "text-right"],
          ["Median time from previous", "text-right"],
          ["Dropped off here", "text-right"],
          "Why they stopped",
        ]}
      >
        {rows.map((r) => (
          <Row key={r.key} className="align-top" data-step={r.key}>
            <Cell className="font-medium">{r.label}</Cell>
            <Cell numeric>
              <Link className="text-amber-700 hover:underline dark:text-amber-400" href={sessions({ reached: r.index + 1 })}>
                {r.count.toLocaleString("en-GB")}
              </Link>
            </Cell>
            <Cell numeric>{percent(r.fromStart)}</Cell>
            <Cell numeric>{percent(r.fromPrevious)}</Cell>
            <Cell numeric>{r.index === 0 ? "—" : formatSeconds(r.medianSeconds)}</Cell>
            <Cell numeric>
              {r.index < steps.length - 1 ? (
                <Link
                  className="text-amber-700 hover:underline dark:text-amber-400"
                  href={sessions({ depth: r.index + 1 })}
                  aria-label={`${r.dropOff} dropped off after ${r.label}`}
                >
                  {r.dropOff.toLocaleString("en-GB")}
                </Link>
              ) : (
                "—"
              )}
            </Cell>
            <Cell>
              <ul className="flex flex-wrap gap-1">
                {r.reasons.map((reason) => (
                  <li key={reason.reason}>
                    <Link
                      href={sessions({ depth: r.index + 1, reason: reason.reason })}
                      className="inline-block rounded-full bg-slate-100 px-2 py-0.5 text-xs hover:bg-amber-100 dark:bg-slate-800 dark:hover:bg-amber-900"
                    >
                      {reason.label} · {reason.count.toLocaleString("en")}
                    </Link>
                  </li>
                ))}
              </ul>
            </Cell>
          </Row>
        ))}
      </DataTable>

      <section className="space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <h2 className="font-semibold">Breakdown</h2>
          <FilterChips
            label="Breakdown"
            items={[null, ...DIMENSIONS].map((d) => ({
              key: d ?? "none",
              text: d ?? "none",
              href: `/analytics/funnel?${rangeQuery(range, { by: d ?? undefined })}`,
              current: d === by,
            }))}
          />
        </div>
        {by && (
          <a href={`/analytics/export/funnel-breakdown?${rangeQuery(range, { by })}`} className={buttonClass("outline", "inline-block")}>
            Export the breakdown as CSV
          </a>
        )}
        {by && (
          <DataTable label={`Funnel by ${by}`} columns={[by, ...steps.map((s) => [s.label, "text-right"] as [string, string]), ["Conversion", "text-right"]]}>
            {breakdown.map((b) => (
              <Row key={b.value}>
                <Cell className="font-medium">{b.value}</Cell>
                {b.rows.map((r) => (
                  <Cell key={r.key} numeric>
                    <Link className="text-amber-700 hover:underline dark:text-amber-400" href={sessions({ reached: r.index + 1, dim: by, value: b.value })}>
                      {r.count.toLocaleString("en-GB")}
                    </Link>
                  </Cell>
                ))}
                <Cell numeric>{percent(b.rows[b.rows.length - 1]!.fromStart)}</Cell>
              </Row>
            ))}
          </DataTable>
        )}
      </section>
      <p className="text-xs text-slate-500">
        A step counts sessions that reached it and every step before it, in order; the first column of rates is of the sessions that searched (the overview's
        conversion is of all sessions, including visits that never searched). A breakdown by destination uses the destination the session was last about; the
        destinations page counts every session that looked at an offer there. Breakdowns show the 12 largest values. Drop-offs reached a step and not the next;
        their reasons come from the state where they stopped (live sessions have none yet). Times are the lower median, in whole seconds.
      </p>
    </div>
  );
}
