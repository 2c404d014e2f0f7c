import type { Metadata } from "next";
import { EventExplorer } from "@/components/explorer/event-explorer";
import { getEventAt, getExplorerPage, listEventTypes } from "@/lib/data/explorer";
import { readExplorerFilter, suggestTypePattern } from "@/lib/explorer/explorer-filter";
import { requireViewer } from "@/lib/data/viewer";
import { can } from "@/lib/access/roles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Events" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EventsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer("events.explore");
  const params = await searchParams;
  const { filter, problems } = readExplorerFilter(params);
  const selected = typeof params.event === "string" && /^\d+$/.test(params.event) ? Number(params.event) : null;
  const [page, types, selectedEvent] = await Promise.all([
    getExplorerPage(filter),
    listEventTypes(),
    selected !== null ? getEventAt(selected) : Promise.resolve(null),
  ]);
  const filterInput = Object.fromEntries(Object.entries(params).filter(([k, v]) => k !== "event" && typeof v === "string")) as Record<string, string>;
  return (
    <EventExplorer
      key={JSON.stringify(filterInput)}
      filter={filterInput}
      problems={problems}
      types={types}
      initialPage={page}
      selectedEvent={selectedEvent}
      canReveal={can(viewer.role, "personal-data.reveal")}
      typeSuggestion={suggestTypePattern(filter, types)}
    />
  );
}
