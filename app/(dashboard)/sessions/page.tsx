import { OUTCOMES, outcomeParam } from "@/lib/journeys/outcomes";
import type { Metadata } from "next";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { FilterChips } from "@/components/ui/filter-chips";
import Link from "next/link";
import { z } from "zod";
import { countSessions, listRecentSessions } from "@/lib/data/sessions";
import { listAfterDropOffFigure } from "@/lib/data/after-drop-off";
import { afterDropWords } from "@/lib/analytics/after-drop-off-words";
import type { Figure } from "@/lib/analytics/after-drop-off";
import { liveCatalog } from "@/lib/data/catalog";
import { dropReasonsOf } from "@/lib/journeys/drop-reasons";
import type { JourneyDefinition } from "@/lib/journeys/journey-definition";
import { requireViewer } from "@/lib/data/viewer";
import { SearchBuilder, type BuilderValues } from "@/components/sessions/search-builder";
import { SearchResults } from "@/components/sessions/search-results";
import { searchChoices, searchForPage } from "@/lib/data/session-search";
import { arrivedFromAnotherSite, requestedPage } from "@/lib/data/cross-site";
import { OpenFromElsewhere } from "@/components/access/open-from-elsewhere";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sessions" };

const day = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/)
  .optional()
  .catch(undefined);
const querySchema = z.object({
  outcome: outcomeParam.optional().catch(undefined),
  // Drill-down from analytics: the sessions behind a number (of one journey: the booking journey when none is named).
  journey: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional()
    .catch(undefined),
  from: day,
  to: day,
  reached: z.coerce.number().int().min(1).max(50).optional().catch(undefined),
  depth: z.coerce.number().int().min(0).max(50).optional().catch(undefined),
  // "1": only those that ended without completing (the funnel's drop-offs; never a live session).
  dropped: z.literal("1").optional().catch(undefined),
  reason: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional()
    .catch(undefined),
  dim: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional()
    .catch(undefined),
  value: z.string().trim().min(1).max(100).optional().catch(undefined),
  offer: z.string().trim().min(1).max(100).optional().catch(undefined),
  offerField: z.enum(["offerId", "destination", "package"]).optional().catch(undefined),
  metric: z.enum(["views", "starts", "bookings"]).optional().catch(undefined),
  path: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .regex(/^[\w:>-]+$/)
    .optional()
    .catch(undefined),
  // The paths page's event level: event types carry dots ("search.destinations.searched>end:browsed").
  eventPath: z
    .string()
    .trim()
    .min(1)
    .max(800)
    .regex(/^[\w.:>-]+$/)
    .optional()
    .catch(undefined),
  // A figure of /analytics/after-drop-off (with `step`, the funnel step, and journey/from/to: the drop-offs' range): exactly the
  // sessions it counts, one per customer, whenever they started.
  afterDrop: z
    .string()
    .regex(/^(dropped|back-(1|7|30|any)|completed|path:[\w:>-]{1,300}|through:[\w:~-]{1,300})$/)
    .transform((v) => v as Figure)
    .optional()
    .catch(undefined),
  step: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional()
    .catch(undefined),
  // Which analytics report the drill-down came from: its back link returns there (not always to the funnel).
  back: z.enum(["overview", "funnel", "popularity", "destinations", "paths", "after-drop-off"]).optional().catch(undefined),
  after: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|.{1,200}$/)
    .transform((v) => ({ startedAt: new Date(v.slice(0, v.indexOf("|"))), id: v.slice(v.indexOf("|") + 1) }))
    .optional()
    .catch(undefined),
});

type Query = z.infer<typeof querySchema>;

const BACK: Record<NonNullable<Query["back"]>, { path: string; label: string }> = {
  overview: { path: "/analytics", label: "the overview" },
  funnel: { path: "/analytics/funnel", label: "the funnel" },
  popularity: { path: "/analytics/popularity", label: "popularity" },
  destinations: { path: "/analytics/destinations", label: "destinations and offers" },
  paths: { path: "/analytics/paths", label: "the paths" },
  "after-drop-off": { path: "/analytics/after-drop-off", label: "what came after the drop-off" },
};

function href(query: Omit<Query, "after">, outcome: string | undefined, after?: string) {
  const params = new URLSearchParams();
  for (const key of [
    "journey",
    "from",
    "to",
    "reached",
    "depth",
    "dropped",
    "reason",
    "dim",
    "value",
    "offer",
    "offerField",
    "metric",
    "path",
    "eventPath",
    "afterDrop",
    "step",
    "back",
  ] as const) {
    if (query[key] !== undefined) params.set(key, String(query[key]));
  }
  if (outcome) params.set("outcome", outcome);
  if (after) params.set("after", after);
  const text = params.toString();
  return text ? `/sessions?${text}` : "/sessions";
}

/** The drill-down in words, the journey's own: which sessions these are. */
function describeFilter(q: Query, journey: JourneyDefinition<unknown> | null): string | null {
  const steps = journey?.funnel ?? [];
  const parts: string[] = [];
  if (journey && q.journey) parts.push(`of ${journey.label}`);
  if (q.depth !== undefined)
    parts.push(
      q.depth === 0 ? `that never reached “${steps[0]?.label ?? "the first step"}”` : `that reached “${steps[q.depth - 1]?.label}” and went no further`,
    );
  else if (q.reached !== undefined) parts.push(`that reached “${steps[q.reached - 1]?.label}”`);
  if (q.dropped && !q.reason) parts.push("that ended without completing");
  if (q.reason) parts.push(`that stopped: ${(journey ? dropReasonsOf(journey).find((r) => r.key === q.reason)?.label : undefined) ?? q.reason}`);
  if (q.dim && q.value) parts.push(`with ${journey?.dimensions.find((d) => d.key === q.dim)?.label ?? q.dim} ${q.value}`);
  if (q.offer) {
    const what = q.offerField === "destination" ? `an offer in ${q.offer}` : q.offerField === "package" ? `a ${q.offer} offer` : `offer ${q.offer}`;
    parts.push(`that ${q.metric === "bookings" ? "booked" : q.metric === "starts" ? "started booking" : "looked at"} ${what}`);
  }
  if (q.path) {
    // "that went Search → Offer and ended browsed": the steps in order, then the ending in the journey's word.
    const keys = q.path.split(">");
    const end = keys.at(-1)?.startsWith("end:") ? keys.pop()!.slice(4) : null;
    const said = (OUTCOMES as readonly string[]).includes(end ?? "") && journey ? journey.outcomeLabel(undefined, end as (typeof OUTCOMES)[number]) : end;
    const went = keys.length > 0 ? `that went ${keys.map((k) => steps.find((s) => s.key === k)?.label ?? k).join(" → ")}` : "that reached no step";
    parts.push(said ? `${went} and ended ${said}` : went);
  }
  if (q.eventPath) {
    const types = q.eventPath.split(">");
    const end = types.at(-1)?.startsWith("end:") ? types.pop()!.slice(4) : null;
    const said = (OUTCOMES as readonly string[]).includes(end ?? "") && journey ? journey.outcomeLabel(undefined, end as (typeof OUTCOMES)[number]) : end;
    parts.push(`whose events went ${types.join(" → ") || "nowhere"}${said ? ` and ended ${said}` : ""}`);
  }
  if (q.afterDrop) parts.push(afterDropWords(q.afterDrop, journey?.funnel.find((s) => s.key === q.step)?.label ?? q.step ?? "", journey));
  if (q.from || q.to)
    parts.push(
      q.afterDrop
        ? `the drop-offs started ${q.from ?? "…"} to ${q.to ?? "…"}`
        : q.from === q.to
          ? `started on ${q.from}`
          : `started ${q.from ?? "…"} to ${q.to ?? "…"}`,
    );
  // The outcome tabs narrow a drill-down too: the total beside it says so.
  if (parts.length > 0 && q.outcome) parts.push(`that ended ${journey ? journey.outcomeLabel(undefined, q.outcome) : q.outcome}`);
  // "of Holiday bookings that went …": the journey reads as part of the first clause, not a list item.
  if (parts.length > 1 && parts[0]!.startsWith("of ")) parts.splice(0, 2, `${parts[0]} ${parts[1]}`);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** Every session, newest first: where analysts start, and any role that replays. Names are masked. */
export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("sessions.replay");
  const raw = await searchParams;
  const params = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]])));
  // `search=1`: the filter builder's search (lib/search); without it, the list and the analytics drill-downs as before.
  if (params.has("search")) return <SearchPage viewer={viewer} params={params} />;
  const query = querySchema.parse(raw);
  const { outcome, after } = query;
  const drill = (["from", "to", "reached", "depth", "dropped", "reason", "dim", "offer", "path", "afterDrop"] as const).some((key) => query[key] !== undefined);
  const journeyName = query.journey ?? (drill ? "holiday-booking" : undefined);
  const journey = journeyName ? (await liveCatalog()).byName(journeyName) : null;
  const filter = {
    outcome,
    from: query.from,
    to: query.to,
    minDepth: query.reached,
    depth: query.depth,
    dropReason: query.reason,
    dropped: query.dropped !== undefined,
    dimension: query.dim && query.value ? { name: query.dim, value: query.value } : undefined,
    journey: journeyName,
    offer: query.offer ? { field: query.offerField ?? "offerId", value: query.offer, metric: query.metric ?? "views" } : undefined,
    path: query.path,
    eventPath: query.eventPath,
  };
  // A figure after a drop-off lists the sessions the report counted (its customers' later ones too), not a filter on these columns.
  const [{ sessions, older }, total] = query.afterDrop
    ? await listAfterDropOffFigure(journey, query, outcome, after).then((r) => [r, r.total] as const)
    : await Promise.all([listRecentSessions(filter, after), countSessions(filter)]);
  const filterText = describeFilter(query, journey);
  const outcomeWord = (o: (typeof OUTCOMES)[number]) => (journey ? journey.outcomeLabel(undefined, o) : o);
  // Back to the report the analyst came from (the funnel when a link did not say), same journey and days.
  const back = BACK[query.back ?? "funnel"];
  const backHref = `${back.path}?${new URLSearchParams(
    Object.entries({ journey: journeyName, from: query.from, to: query.to, step: query.step }).filter((e): e is [string, string] => e[1] !== undefined),
  )}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Sessions</h1>
        {!filterText && <Builder values={{ reached: [], notReached: [], where: [], dimension: [] }} open={false} />}
        {!filterText && (
          <span className="text-sm text-slate-500" data-testid="sessions-total">
            {total.toLocaleString("en")} {outcome ? `${outcomeWord(outcome)} ` : ""}
            {total === 1 ? "session" : "sessions"}
          </span>
        )}
        <FilterChips
          label="Outcome"
          // One journey's list says its outcomes in its words, as its badges do ("booked", not "completed").
          items={[undefined, ...OUTCOMES].map((o) => ({ key: o ?? "all", text: o ? outcomeWord(o) : "all", href: href(query, o), current: o === outcome }))}
        />
      </div>
      {filterText && (
        <Notice role="status" tone="warning" className="flex flex-wrap items-center gap-3">
          <span>
            <strong data-testid="drill-total">
              {total.toLocaleString("en")} {total === 1 ? "session" : "sessions"}
            </strong>{" "}
            {filterText}.
          </span>
          {(query.from || query.to) && (
            <Link href={backHref} className="underline">
              Back to {back.label}
            </Link>
          )}
          <Link href={href({}, outcome)} className="underline">
            Show all sessions
          </Link>
        </Notice>
      )}
      {sessions.length === 0 ? (
        <EmptyState>{filterText ? "No sessions match." : `No sessions${outcome ? ` with outcome “${outcome}”` : ""} yet.`}</EmptyState>
      ) : (
        <SessionsTable sessions={sessions} show="customer" />
      )}
      {older && (
        <Link href={href(query, outcome, older)} className="inline-block text-sm text-amber-700 hover:underline dark:text-amber-400">
          Older sessions →
        </Link>
      )}
    </div>
  );
}

async function Builder({ values, open }: { values: BuilderValues; open: boolean }) {
  const { journeys, types } = await searchChoices();
  return (
    <details open={open} className="order-last w-full rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <summary className="cursor-pointer text-sm font-medium text-amber-700 dark:text-amber-400">Filter by what happened</summary>
      <div className="mt-3">
        <SearchBuilder journeys={journeys} values={values} types={types} outcomes={[...OUTCOMES]} />
      </div>
    </details>
  );
}

/** The filter builder's search: filters in the URL, the exact count, a page at a time, each row opening at its first match. */
async function SearchPage({ viewer, params }: { viewer: Awaited<ReturnType<typeof requireViewer>>; params: URLSearchParams }) {
  // A search by data may be a search for a person (on record in the viewer's name): another site's link asks first.
  if (params.has("where") && (await arrivedFromAnotherSite())) {
    return <OpenFromElsewhere href={await requestedPage(`/sessions?${params}`)} what="this search" />;
  }
  const answer = await searchForPage(viewer, params);
  const one = (name: string) => params.get(name) ?? undefined;
  const values: BuilderValues = {
    ...Object.fromEntries(
      ["journey", "from", "to", "outcome", "dropReason", "hasType", "minEvents", "maxEvents", "minDuration", "maxDuration"].map((n) => [n, one(n)]),
    ),
    reached: params.getAll("reached"),
    notReached: params.getAll("notReached"),
    where: params.getAll("where"),
    dimension: params.getAll("dimension"),
  };
  const next = new URLSearchParams(params);
  if (answer.next) next.set("cursor", answer.next);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Sessions</h1>
        <Link href="/sessions" className="text-sm underline">
          Show all sessions
        </Link>
        <Builder values={values} open />
      </div>
      <SearchResults total={answer.total} sessions={answer.sessions} nextHref={answer.next ? `/sessions?${next}` : null} error={answer.error} />
    </div>
  );
}
