import { dropReasonsOf } from "@/lib/journeys/drop-reasons";
import { OUTCOMES, outcomeParam } from "@/lib/journeys/outcomes";
import type { Metadata } from "next";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { FilterChips } from "@/components/ui/filter-chips";
import Link from "next/link";
import { z } from "zod";
import { DIMENSIONS } from "@/lib/analytics/rollup";
import { countSessions, listRecentSessions } from "@/lib/data/sessions";
import { bookingJourney } from "@/lib/journeys/booking/booking-journey";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sessions" };

const day = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/)
  .optional()
  .catch(undefined);
const querySchema = z.object({
  outcome: outcomeParam.optional().catch(undefined),
  // Drill-down from analytics: the sessions behind a number.
  from: day,
  to: day,
  reached: z.coerce.number().int().min(1).max(50).optional().catch(undefined),
  depth: z.coerce.number().int().min(0).max(50).optional().catch(undefined),
  reason: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional()
    .catch(undefined),
  dim: z.enum(DIMENSIONS).optional().catch(undefined),
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
  after: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|.{1,200}$/)
    .transform((v) => ({ startedAt: new Date(v.slice(0, v.indexOf("|"))), id: v.slice(v.indexOf("|") + 1) }))
    .optional()
    .catch(undefined),
});

type Query = z.infer<typeof querySchema>;

function href(query: Omit<Query, "after">, outcome: string | undefined, after?: string) {
  const params = new URLSearchParams();
  for (const key of ["from", "to", "reached", "depth", "reason", "dim", "value", "offer", "offerField", "metric", "path"] as const) {
    if (query[key] !== undefined) params.set(key, String(query[key]));
  }
  if (outcome) params.set("outcome", outcome);
  if (after) params.set("after", after);
  const text = params.toString();
  return text ? `/sessions?${text}` : "/sessions";
}

/** The drill-down in words: which sessions these are. */
function describeFilter(q: Query): string | null {
  const steps = bookingJourney.funnel;
  const parts: string[] = [];
  if (q.depth !== undefined) parts.push(q.depth === 0 ? "that never searched" : `that reached “${steps[q.depth - 1]?.label}” and went no further`);
  else if (q.reached !== undefined) parts.push(`that reached “${steps[q.reached - 1]?.label}”`);
  // The booking journey's words until the drill-down names its journey (analytics for every journey).
  if (q.reason) parts.push(`stopped: ${dropReasonsOf(bookingJourney).find((r) => r.key === q.reason)?.label ?? q.reason}`);
  if (q.dim && q.value) parts.push(`${q.dim} ${q.value}`);
  if (q.offer) {
    const what = q.offerField === "destination" ? `an offer in ${q.offer}` : q.offerField === "package" ? `a ${q.offer} offer` : `offer ${q.offer}`;
    parts.push(`${q.metric === "bookings" ? "booked" : q.metric === "starts" ? "started booking" : "looked at"} ${what}`);
  }
  if (q.path)
    parts.push(
      `path ${q.path
        .split(">")
        .map((k) => (k.startsWith("end:") ? `ended ${k.slice(4)}` : (steps.find((s) => s.key === k)?.label ?? k)))
        .join(" → ")}`,
    );
  if (q.from || q.to) parts.push(q.from === q.to ? `started on ${q.from}` : `started ${q.from ?? "…"} to ${q.to ?? "…"}`);
  // The outcome tabs narrow a drill-down too: the total beside it says so.
  if (parts.length > 0 && q.outcome) parts.push(`outcome ${q.outcome}`);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** Every session, newest first: where analysts start, and any role that replays. Names are masked. */
export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer("sessions.replay");
  const query = querySchema.parse(await searchParams);
  const { outcome, after } = query;
  const drill = query.from || query.to || query.reached !== undefined || query.depth !== undefined || query.reason || query.dim || query.offer || query.path;
  const filter = {
    outcome,
    from: query.from,
    to: query.to,
    minDepth: query.reached,
    depth: query.depth,
    dropReason: query.reason,
    dimension: query.dim && query.value ? { name: query.dim, value: query.value } : undefined,
    offer: query.offer ? { field: query.offerField ?? "offerId", value: query.offer, metric: query.metric ?? "views" } : undefined,
    path: query.path,
    ...(drill ? { journey: "holiday-booking" } : {}),
  };
  const [{ sessions, older }, total] = await Promise.all([listRecentSessions(filter, after), countSessions(filter)]);
  const filterText = describeFilter(query);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Sessions</h1>
        {!filterText && (
          <span className="text-sm text-slate-500" data-testid="sessions-total">
            {total.toLocaleString("en")} {outcome ? `${outcome} ` : ""}
            {total === 1 ? "session" : "sessions"}
          </span>
        )}
        <FilterChips
          label="Outcome"
          items={[undefined, ...OUTCOMES].map((o) => ({ key: o ?? "all", text: o ?? "all", href: href(query, o), current: o === outcome }))}
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
            <Link
              href={`/analytics/funnel?${new URLSearchParams({ ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) })}`}
              className="underline"
            >
              Back to the funnel
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
