"use client";

import Link from "next/link";
import { compareFunnels } from "@/lib/analytics/funnel-comparison";
import type { WhatIfResult } from "@/lib/what-if/what-if-result";
import { Badge, type BadgeTone } from "../../ui/badge";
import { Cell, DataTable, Row } from "../../ui/data-table";
import { EmptyState } from "../../ui/empty-state";
import { FunnelsSideBySide } from "./funnels-side-by-side";

type Change = WhatIfResult["changes"][number];

/** Each kind of change in words, for the badge's title and the legend. */
export const KIND_WORDS: Record<Change["kind"], { tone: BadgeTone; says: string }> = {
  changed: { tone: "amber-soft", says: "the same events, folded differently (outcome, step reached)" },
  split: { tone: "sky", says: "one session now is several with the draft" },
  merged: { tone: "sky", says: "several sessions now are one with the draft" },
  new: { tone: "emerald", says: "a session only the draft has" },
  gone: { tone: "rose", says: "a session the draft no longer counts as this journey's" },
};

const side = (s: Change["current"]) =>
  s ? (
    <>
      {s.outcomeLabel} <span className="text-slate-500">· {s.stepsReached === 1 ? "1 step" : `${s.stepsReached} steps`}</span>
      <div className="max-w-64 truncate text-slate-500" title={s.lastStep}>
        {s.lastStep}
      </div>
    </>
  ) : (
    <span className="text-slate-400">—</span>
  );

/**
 * A finished what-if: both funnels with their differences, the outcomes that change, and the
 * changed sessions (each opening its replay with the draft beside).
 */
export function WhatIfResultView({ id, name, result }: { id: string; name: string; result: WhatIfResult }) {
  const compared = compareFunnels(result.current, result.draft);
  return (
    <div className="space-y-4" data-what-if={id}>
      <FunnelsSideBySide compared={compared} />
      <section aria-label="Outcome changes" className="space-y-1">
        <h3 className="text-sm font-semibold">Outcomes that change</h3>
        {result.outcomeChanges.length === 0 ? (
          <EmptyState>No session matched by its first event changes outcome.</EmptyState>
        ) : (
          <DataTable label="Outcome changes" columns={["Now", "With the draft", ["Sessions", "text-right"]]}>
            {result.outcomeChanges.map((c) => (
              <Row key={`${c.from}→${c.to}`}>
                <Cell>{c.from}</Cell>
                <Cell>→ {c.to}</Cell>
                <Cell className="text-right tabular-nums">{c.sessions.toLocaleString("en-GB")}</Cell>
              </Row>
            ))}
          </DataTable>
        )}
      </section>
      <section aria-label="Changed sessions" className="space-y-1">
        <h3 className="text-sm font-semibold">
          Changed sessions{result.changes.length > 0 ? ` (${result.changes.length === 200 ? "the first 200" : result.changes.length})` : ""}
        </h3>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Matched by their first event.{" "}
          {Object.entries(KIND_WORDS)
            .map(([kind, { says }]) => `${kind}: ${says}`)
            .join("; ")}
          .
        </p>
        {result.changes.length === 0 ? (
          <EmptyState>No session of {name} folds differently with the draft.</EmptyState>
        ) : (
          <DataTable stacked label="Changed sessions" columns={["Kind", "Session", "Now", "With the draft"]}>
            {result.changes.map((c) => (
              <Row stacked key={`${c.firstPosition}:${c.kind}:${c.sessionId ?? ""}`} data-kind={c.kind}>
                <Cell label="Kind">
                  <Badge tone={KIND_WORDS[c.kind].tone} title={KIND_WORDS[c.kind].says}>
                    {c.kind}
                  </Badge>
                </Cell>
                <Cell label="Session" className="font-mono text-xs">
                  {c.sessionId ? (
                    <Link
                      className="text-amber-700 hover:underline dark:text-amber-400"
                      href={`/sessions/${encodeURIComponent(c.sessionId)}?${new URLSearchParams({ whatIf: id })}`}
                    >
                      {c.sessionId}
                    </Link>
                  ) : (
                    <span className="font-sans text-slate-500">only in the draft (from event {c.firstPosition})</span>
                  )}
                </Cell>
                <Cell label="Now" className="text-xs">
                  {side(c.current)}
                </Cell>
                <Cell label="With the draft" className="text-xs">
                  {side(c.draft)}
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
