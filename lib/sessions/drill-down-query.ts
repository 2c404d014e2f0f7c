import { z } from "zod";
import type { Figure } from "../analytics/after-drop-off";
import { afterDropWords } from "../analytics/after-drop-off-words";
import { dropReasonsOf } from "../journeys/drop-reasons";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { OUTCOMES, outcomeParam } from "../journeys/outcomes";

/**
 * The sessions page's drill-down query (the analytics pages' links into it), read leniently: a
 * value that does not parse is dropped, not refused, as a hand-edited link should still show sessions.
 * Shared by the page and by segments, which count a saved drill-down as the page does.
 */
const day = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/)
  .optional()
  .catch(undefined);
export const drillDownQuerySchema = z.object({
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
  // Or, with `afterDrop` instead of `step`: the figure is of a saved segment's sessions (its id) in the journey.
  segment: z.uuid().optional().catch(undefined),
  // Which analytics report the drill-down came from: its back link returns there (not always to the funnel).
  back: z.enum(["overview", "funnel", "popularity", "destinations", "paths", "after-drop-off"]).optional().catch(undefined),
  after: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|.{1,200}$/)
    .transform((v) => ({ startedAt: new Date(v.slice(0, v.indexOf("|"))), id: v.slice(v.indexOf("|") + 1) }))
    .optional()
    .catch(undefined),
});

export type DrillDownQuery = z.infer<typeof drillDownQuerySchema>;
type Query = DrillDownQuery;

export const BACK: Record<NonNullable<Query["back"]>, { path: string; label: string }> = {
  overview: { path: "/analytics", label: "the overview" },
  funnel: { path: "/analytics/funnel", label: "the funnel" },
  popularity: { path: "/analytics/popularity", label: "popularity" },
  destinations: { path: "/analytics/destinations", label: "destinations and offers" },
  paths: { path: "/analytics/paths", label: "the paths" },
  "after-drop-off": { path: "/analytics/after-drop-off", label: "what came after the drop-off" },
};

export function drillDownHref(query: Omit<Query, "after">, outcome: string | undefined, after?: string) {
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
    "segment",
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
export function describeDrillDown(q: Query, journey: JourneyDefinition<unknown> | null, segmentName?: string): string | null {
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
  if (q.afterDrop) {
    const step = journey?.funnel.find((s) => s.key === q.step)?.label ?? q.step ?? "";
    parts.push(afterDropWords(q.afterDrop, q.segment ? { segment: segmentName ?? "(deleted)" } : { step }, journey));
  }
  if ((q.from || q.to) && !(q.afterDrop && q.segment))
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

/** The parameters that make a list a drill-down (its journey is the booking journey when none is named). */
const DRILL_KEYS = ["from", "to", "reached", "depth", "dropped", "reason", "dim", "offer", "path", "afterDrop"] as const;

/** The list's filter for the sessions read model (lib/data/sessions.ts), and the journey it is of. */
export function drillDownFilter(query: DrillDownQuery) {
  const drill = DRILL_KEYS.some((key) => query[key] !== undefined);
  const journey = query.journey ?? (drill ? "holiday-booking" : undefined);
  return {
    drill,
    journeyName: journey,
    filter: {
      outcome: query.outcome,
      from: query.from,
      to: query.to,
      minDepth: query.reached,
      depth: query.depth,
      dropReason: query.reason,
      dropped: query.dropped !== undefined,
      dimension: query.dim && query.value ? { name: query.dim, value: query.value } : undefined,
      journey,
      offer: query.offer ? { field: query.offerField ?? "offerId", value: query.offer, metric: query.metric ?? "views" } : undefined,
      path: query.path,
      eventPath: query.eventPath,
    },
  };
}
