import type { JourneyDefinition } from "../journeys/journey-definition";
import { OUTCOMES } from "../journeys/outcomes";
import type { Figure } from "./after-drop-off";

/** "A → B and ended browsed": a next session's path key in the journey's words. */
function pathWords(key: string, journey: JourneyDefinition<unknown> | null): string {
  const parts = key.split(">");
  const end = parts.at(-1)?.startsWith("end:") ? parts.pop()!.slice(4) : null;
  const said = end && journey && (OUTCOMES as readonly string[]).includes(end) ? journey.outcomeLabel(undefined, end as (typeof OUTCOMES)[number]) : end;
  const went = parts.length > 0 ? `went ${parts.map((k) => journey?.funnel.find((s) => s.key === k)?.label ?? k).join(" → ")}` : "reached no step";
  return said ? `${went} and ended ${said}` : went;
}

/** A Sankey node or link key ("1:view_offer", "0:search~1:view_offer", "end:browsed") in words. */
function throughWords(key: string, journey: JourneyDefinition<unknown> | null): string {
  const node = (k: string) => {
    if (k === "start") return "the start";
    if (k.startsWith("end:")) return `ended ${pathWords(k, journey).replace(/^reached no step and ended /, "")}`;
    const step = k.slice(k.indexOf(":") + 1);
    return journey?.funnel.find((s) => s.key === step)?.label ?? step;
  };
  return key.split("~").map(node).join(" → ");
}

/** Whose follow-up a figure counts: a funnel step's drop-offs (the step's label) or a saved segment's sessions (its name). */
export type CohortWords = { step: string } | { segment: string };

/** Which sessions a figure of /analytics/after-drop-off lists, for the sessions page's banner. */
export function afterDropWords(figure: Figure, cohort: CohortWords, journey: JourneyDefinition<unknown> | null): string {
  const after = "step" in cohort ? `after dropping off after “${cohort.step}”` : `after their first session in the segment “${cohort.segment}”`;
  if (figure === "dropped")
    return "step" in cohort
      ? `that were each customer's first drop-off after “${cohort.step}”`
      : `that were each customer's first session in the segment “${cohort.segment}”`;
  if (figure === "completed") return `that were each customer's first later session that completed, ${after}`;
  if (figure === "back-any") return `that were each customer's next session ${after}`;
  if (figure.startsWith("back-")) {
    const days = Number(figure.slice(5));
    return `that were each customer's next session ${after}, within ${days} ${days === 1 ? "day" : "days"}`;
  }
  if (figure.startsWith("path:")) return `that were each customer's next session ${after}, and ${pathWords(figure.slice(5), journey)}`;
  return `that were each customer's next session ${after}, through ${throughWords(figure.slice(8), journey)}`;
}
