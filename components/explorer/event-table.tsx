"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { CloudEventJson } from "@/lib/eventstore/to-cloud-event";
import { Card } from "../ui/card";

const ROW_HEIGHT = 36;
const ROW =
  "cursor-pointer border-t border-slate-100 dark:border-slate-800 hover:bg-amber-50 focus:bg-amber-50 focus:outline-none " +
  "dark:hover:bg-slate-800 dark:focus:bg-slate-800";

function formatTime(iso: unknown): string {
  if (typeof iso !== "string") return "—";
  return iso.replace("T", " ").replace(/\.\d+Z$/, "Z");
}

/** The feed as a virtualised table: thousands of rows stay cheap to render and scroll. */
export function EventTable({
  events,
  selected,
  freshFrom,
  streamNames,
  byUser,
  onSelect,
  footer,
}: {
  events: CloudEventJson[];
  selected: number | null;
  /** rows with a position above this arrived live and are highlighted */
  freshFrom: number;
  /** who an audit stream is, by stream */
  streamNames: Record<string, string>;
  /** filtered by a user: a row without a user id was joined to them by its correlation id */
  byUser: boolean;
  onSelect: (event: CloudEventJson) => void;
  footer?: React.ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <Card as="div" ref={scroller} flush className="h-[calc(100vh-15rem)] min-h-80 overflow-auto">
      <table aria-label="Events" className="w-full min-w-[52rem] table-fixed border-collapse text-sm">
        <thead className="sticky top-0 z-10 bg-slate-100 text-left dark:bg-slate-800 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="w-20 px-3 py-2">Position</th>
            <th className="w-44 px-3 py-2">Event time</th>
            <th className="w-[27%] px-3 py-2">Type</th>
            <th className="px-3 py-2">Stream</th>
            <th className="w-28 px-3 py-2">User</th>
            <th className="w-36 px-3 py-2">Source</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && <tr aria-hidden style={{ height: top }} />}
          {items.map((item) => {
            const event = events[item.index]!;
            const isSelected = event.position === selected;
            return (
              <tr
                key={event.position}
                data-index={item.index}
                aria-selected={isSelected}
                onClick={() => onSelect(event)}
                onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onSelect(event)}
                tabIndex={0}
                style={{ height: ROW_HEIGHT }}
                className={`${ROW} ${
                  isSelected ? "bg-amber-100 dark:bg-amber-900/60" : event.position > freshFrom ? "bg-emerald-50 dark:bg-emerald-950/60" : ""
                }`}
              >
                <td className="px-3 font-mono text-xs text-slate-500">{event.position}</td>
                <td className="truncate px-3 font-mono text-xs">{formatTime(event.time ?? event.recordedtime)}</td>
                <td className="truncate px-3 font-mono text-xs font-medium" title={event.type}>
                  {event.type}
                </td>
                <td className="truncate px-3 text-xs" title={String(event.subject ?? event.source)}>
                  {streamNames[String(event.subject)] ? (
                    <>
                      <span className="font-medium">audit of {streamNames[String(event.subject)]}</span>{" "}
                      <span className="text-slate-400">{String(event.subject)}</span>
                    </>
                  ) : (
                    String(event.subject ?? event.source)
                  )}{" "}
                  <span className="text-slate-400">v{event.streamversion}</span>
                </td>
                <td className="truncate px-3 text-xs">
                  {typeof event.userid === "string" ? (
                    event.userid
                  ) : byUser ? (
                    <span
                      className="rounded bg-sky-100 px-1.5 py-0.5 text-sky-800 dark:bg-sky-950 dark:text-sky-200"
                      title={`no user id: joined to this user by correlation id ${String(event.correlationid ?? "")}`}
                    >
                      joined
                    </span>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="truncate px-3 text-xs text-slate-500">{event.source}</td>
              </tr>
            );
          })}
          {bottom > 0 && <tr aria-hidden style={{ height: bottom }} />}
        </tbody>
      </table>
      {footer}
    </Card>
  );
}
