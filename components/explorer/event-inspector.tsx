"use client";

import { flowHref } from "@/lib/explorer/event-address";
import Link from "next/link";
import type { CloudEventJson } from "@/lib/eventstore/to-cloud-event";
import { MaskedFields } from "../privacy/masked-fields";
import { Card } from "../ui/card";

function filterLink(name: string, value: unknown) {
  return `/events?${new URLSearchParams({ [name]: String(value) })}`;
}

/** One event in full, as stored, with links to the views around it. */
export function EventInspector({ event, onClose, canReveal }: { event: CloudEventJson; onClose: () => void; canReveal: boolean }) {
  const stream = typeof event.subject === "string" ? event.subject : event.source;
  return (
    <Card aria-label="Event inspector" flush className="flex h-full flex-col">
      <header className="flex items-start justify-between gap-2 border-b border-slate-200 dark:border-slate-700 px-4 py-3">
        <div className="min-w-0">
          <h2 className="truncate font-mono text-sm font-semibold">{event.type}</h2>
          <p className="text-xs text-slate-500">
            position {event.position} · {stream} v{event.streamversion}
          </p>
        </div>
        <button type="button" onClick={onClose} aria-label="Close inspector" className="rounded px-2 text-slate-500 hover:bg-slate-100">
          ×
        </button>
      </header>
      <div className="flex flex-wrap gap-2 border-b border-slate-100 dark:border-slate-800 px-4 py-2 text-xs">
        <Link className="text-amber-700 hover:underline" href={filterLink("stream", stream)}>
          Open stream
        </Link>
        {typeof event.userid === "string" && (
          <Link className="text-amber-700 hover:underline" href={filterLink("user", event.userid)}>
            All events of user {event.userid}
          </Link>
        )}
        {typeof event.correlationid === "string" && (
          <>
            {/* A full load, not a client navigation: only then does the browser mark the #event row as :target. */}
            <a className="text-amber-700 hover:underline" href={flowHref(event.correlationid, event.position)}>
              Flow {event.correlationid} across services
            </a>
            <Link className="text-amber-700 hover:underline" href={filterLink("correlation", event.correlationid)}>
              Its events here
            </Link>
          </>
        )}
        <Link className="text-amber-700 hover:underline" href={`/events?event=${event.position}`}>
          Link to this event
        </Link>
      </div>
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the raw event is found by this name (e2e getByLabel); the <pre> keeps its role */}
      <pre aria-label="Event JSON" className="flex-1 overflow-auto bg-slate-950 p-4 font-mono text-xs leading-relaxed text-emerald-100">
        {JSON.stringify(event, null, 2)}
      </pre>
      {canReveal && <MaskedFields key={event.position} event={event} sessionId={null} />}
    </Card>
  );
}
