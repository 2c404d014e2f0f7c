"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef } from "react";
import { gapWords, timelineRows, type GapRow } from "@/lib/replay/removed-gaps";
import { formatElapsed } from "./format-time";
import { colorOf } from "./service-colors";
import { Card } from "../ui/card";

const ROW = 32;

/**
 * The session's events in plain words, virtualised; it follows the playhead and a click seeks.
 * Events a retention purge removed show as gap rows where they were, never as a playhead position.
 */
export function EventList({
  descriptions,
  types,
  services,
  times,
  index,
  onSeek,
  gaps = [],
}: {
  descriptions: readonly string[];
  types: readonly string[];
  services: readonly string[];
  times: readonly number[];
  index: number;
  onSeek: (index: number) => void;
  gaps?: readonly GapRow[];
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => timelineRows(descriptions.length, gaps), [descriptions.length, gaps]);
  const rowOf = useMemo(() => {
    const at: number[] = [];
    rows.forEach((r, k) => {
      if (r.kind === "event") at[r.index] = k;
    });
    return at;
  }, [rows]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 10 });
  useEffect(() => {
    // "auto": scroll only when the playhead's row is out of sight, so a session that fits opens at its first event.
    if (index >= 0 && rowOf[index] !== undefined) virtualizer.scrollToIndex(rowOf[index]!, { align: "auto" });
  }, [index, rowOf, virtualizer]);
  const start = times[0] ?? 0;
  return (
    // Up to 15 rows of one line tall: a short session shows whole, without a scrolled-off first event.
    <Card as="div" ref={scroller} role="list" aria-label="Session events" flush className="max-h-[30.25rem] overflow-auto">
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          if (row.kind === "gap") {
            return (
              <div
                key={`gap-${row.gap.position}`}
                ref={virtualizer.measureElement}
                role="listitem"
                data-index={item.index}
                data-removed=""
                title={row.gap.type}
                style={{ position: "absolute", top: item.start, minHeight: ROW, left: 0, right: 0 }}
                className={`flex items-baseline gap-2 border-b border-dashed border-slate-200 bg-slate-50 px-3 py-1.5 text-sm italic
                  text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300`}
              >
                <span aria-hidden className="h-2 w-2 shrink-0 self-center rounded-full border border-slate-400 dark:border-slate-500" />
                <span className="w-14 shrink-0 font-mono text-xs not-italic tabular-nums text-slate-500 dark:text-slate-400">
                  {formatElapsed(Math.max(0, Date.parse(row.gap.occurredAt) - start))}
                </span>
                <span className="min-w-0 break-words">
                  {gapWords(row.gap)} <span className="font-mono text-xs not-italic text-slate-500 dark:text-slate-400">· {row.gap.type}</span>
                </span>
              </div>
            );
          }
          const i = row.index;
          const current = i === index;
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard moves through the events with ← / →, handled by the player on window
            <div
              key={i}
              // Measured: a long line wraps (a dispute's key line must be readable on a phone), so rows differ in height.
              ref={virtualizer.measureElement}
              role="listitem"
              data-index={item.index}
              aria-current={current ? "step" : undefined}
              onClick={() => onSeek(i)}
              title={types[i]}
              style={{ position: "absolute", top: item.start, minHeight: ROW, left: 0, right: 0 }}
              className={`flex cursor-pointer items-baseline gap-2 border-b py-1.5 border-slate-100 px-3 text-sm dark:border-slate-800 ${
                current ? "bg-amber-100 font-medium dark:bg-amber-900/40" : i < index ? "text-slate-500 dark:text-slate-400" : ""
              } hover:bg-amber-50 dark:hover:bg-slate-800`}
            >
              <span aria-hidden className="h-2 w-2 shrink-0 self-center rounded-full" style={{ background: colorOf(services[i] ?? "") }} />
              <span className="w-14 shrink-0 font-mono text-xs tabular-nums text-slate-500">{formatElapsed(times[i]! - start)}</span>
              <span className="min-w-0 break-words">{descriptions[i]}</span>
            </div>
          );
        })}
      </div>
    </Card>
  );
}
