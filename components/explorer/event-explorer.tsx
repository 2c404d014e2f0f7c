"use client";

import { useMutation } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import type { ExplorerPage } from "@/lib/data/explorer";
import type { CloudEventJson } from "@/lib/eventstore/to-cloud-event";
import { EventInspector } from "./event-inspector";
import { EventTable } from "./event-table";
import { explorerReads } from "./explorer-reads";
import { FilterBar } from "./filter-bar";
import { useLiveTail } from "./use-live-tail";

export function EventExplorer({
  filter,
  problems,
  types,
  initialPage,
  selectedEvent,
  canReveal,
  typeSuggestion,
}: {
  filter: Record<string, string>;
  problems: string[];
  types: string[];
  initialPage: ExplorerPage;
  selectedEvent: CloudEventJson | null;
  canReveal: boolean;
  /** a plain word no stored type is (payment): the pattern that finds its types */
  typeSuggestion: { pattern: string; matches: number } | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [events, setEvents] = useState(initialPage.events);
  const [head, setHead] = useState(initialPage.head);
  const [hasOlder, setHasOlder] = useState(initialPage.hasOlder);
  const [live, setLive] = useState(true);
  const [selected, setSelected] = useState<CloudEventJson | null>(selectedEvent);
  const [freshFrom] = useState(initialPage.head);
  const [arrived, setArrived] = useState(0);
  const [streamNames, setStreamNames] = useState(initialPage.streamNames);
  const addStreamNames = (more: Record<string, string>) => setStreamNames((known) => ({ ...known, ...more }));

  const tail = useLiveTail(filter, head, live, (newer, newHead, names) => {
    addStreamNames(names);
    setEvents((current) => [...newer, ...current]);
    setArrived((n) => n + newer.length);
    setHead(newHead);
  });

  const older = useMutation({
    mutationFn: () => explorerReads.older(filter, events[events.length - 1]?.position ?? 0),
    onSuccess: (page) => {
      addStreamNames(page.streamNames);
      setEvents((current) => [...current, ...page.events]);
      setHasOlder(page.hasOlder);
    },
  });

  const select = (event: CloudEventJson | null) => {
    setSelected(event);
    const params = new URLSearchParams(searchParams.toString());
    if (event) params.set("event", String(event.position));
    else params.delete("event");
    router.replace(`${pathname}${params.size > 0 ? `?${params}` : ""}`, { scroll: false });
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Events</h1>
          <p className="text-sm text-slate-500">
            The raw store, newest first · head position <span data-testid="head-position">{head}</span>
            {arrived > 0 && <span className="ml-2 text-emerald-700">{arrived} new since you opened this view</span>}
          </p>
        </div>
        <div className="flex items-center gap-3 text-sm">
          <span className="flex items-center gap-1.5" role="status">
            <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${live ? "animate-pulse bg-emerald-500" : "bg-slate-400"}`} />
            {live ? (tail.error ? "Live (reconnecting…)" : "Live") : "Paused"}
          </span>
          <button
            type="button"
            onClick={() => setLive((v) => !v)}
            className="rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-1.5 hover:bg-slate-100"
          >
            {live ? "Pause live updates" : "Resume live updates"}
          </button>
        </div>
      </div>
      <FilterBar filter={filter} types={types} />
      {problems.length > 0 && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          Ignored: {problems.join("; ")}
        </p>
      )}
      {typeSuggestion && (
        <p
          role="note"
          className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          No stored type is exactly “{filter.type}” (a plain type matches exactly).{" "}
          <a className="font-medium underline" href={`/events?${new URLSearchParams({ ...filter, type: typeSuggestion.pattern })}`}>
            Filter by {typeSuggestion.pattern}
          </a>{" "}
          ({typeSuggestion.matches} type{typeSuggestion.matches === 1 ? "" : "s"}).
        </p>
      )}
      <div className={`grid gap-4 ${selected ? "lg:grid-cols-[minmax(0,1fr)_28rem]" : ""}`}>
        <EventTable
          events={events}
          selected={selected?.position ?? null}
          freshFrom={freshFrom}
          streamNames={streamNames}
          byUser={Boolean(filter.user?.trim())}
          onSelect={select}
          footer={
            <div className="flex items-center justify-center gap-3 border-t border-slate-100 dark:border-slate-800 p-3 text-sm text-slate-500">
              {events.length === 0 && <span>No events match these filters.</span>}
              {hasOlder && (
                <button
                  type="button"
                  disabled={older.isPending}
                  onClick={() => older.mutate()}
                  className="rounded border border-slate-300 dark:border-slate-600 px-3 py-1 hover:bg-slate-100 disabled:opacity-50"
                >
                  {older.isPending ? "Loading…" : "Load older events"}
                </button>
              )}
              {!hasOlder && events.length > 0 && (
                <span>
                  Start of the store · {events.length} {events.length === 1 ? "event" : "events"} shown
                </span>
              )}
            </div>
          }
        />
        {selected && (
          <div className="lg:sticky lg:top-4 lg:h-[calc(100vh-15rem)]">
            <EventInspector event={selected} onClose={() => select(null)} canReveal={canReveal} />
          </div>
        )}
      </div>
    </div>
  );
}
