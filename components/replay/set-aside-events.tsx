import type { CloudEventJson } from "@/lib/eventstore/to-cloud-event";

/** Past this, the raw JSON is cut: an event nested a thousand deep pretty-prints to megabytes. */
const SHOWN_CHARS = 20_000;

/**
 * Events of this customer around this session that the projector could not fold (set aside, see
 * /admin/dead-letters): they are not in the player's timeline, so the replay shows them here, raw.
 */
export function SetAsideEvents({ events }: { events: CloudEventJson[] }) {
  if (events.length === 0) return null;
  return (
    <section aria-label="Set-aside events" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
      <p>
        {events.length === 1 ? "One event" : `${events.length} events`} of this customer around this session could not be folded into it and{" "}
        {events.length === 1 ? "is" : "are"} not in the timeline above. As stored:
      </p>
      {events.map((e) => {
        const json = JSON.stringify(e, null, 2);
        return (
          <details key={e.position} className="mt-2">
            <summary className="cursor-pointer font-mono text-xs">
              position {e.position} · {String(e.type)} · {String(e.time ?? e.recordedtime)}
            </summary>
            <pre className="mt-1 max-h-80 overflow-auto rounded bg-white p-2 text-xs dark:bg-slate-900">
              {json.length > SHOWN_CHARS ? `${json.slice(0, SHOWN_CHARS)}\n… (${json.length - SHOWN_CHARS} more characters)` : json}
            </pre>
          </details>
        );
      })}
    </section>
  );
}
