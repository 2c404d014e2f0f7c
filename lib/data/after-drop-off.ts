import "server-only";
import { type CohortSession, type Figure, summariseAfterDropOff } from "../analytics/after-drop-off";
import type { AfterDropOffAnswer } from "../analytics/api-schemas";
import { type PathRow, pathsSankey } from "../analytics/paths-report";
import { readFollowUps } from "../analytics/read-after-drop-off";
import type { Viewer } from "../access/viewer";
import type { DayRange } from "../analytics/range";
import { getReadStore } from "../db/read-store";
import { getSegment } from "../segments/segment-store";
import { PATHS_SHOWN, segmentFigureSessions, stepCohort, stepFigureSessions, stepOf } from "./after-drop-off-cohort";
import { ApiError } from "../http/errors";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { OUTCOMES } from "../journeys/outcomes";
import { requireJourney } from "./analytics-api";
import { referencesFor } from "./customers";
import { toSessionJson } from "./sessions";
import { getMasker } from "./privacy";

type Journey = JourneyDefinition<unknown>;

export { stepOf } from "./after-drop-off-cohort";

/**
 * The report for a cohort (a funnel step's drop-offs, a segment's sessions): its figures, every
 * follow-up (for drill-downs), the next sessions' paths as a Sankey.
 */
export async function getAfterDropOff(journey: Journey, dropOffs: readonly CohortSession[]) {
  const all = await readFollowUps(getReadStore(), journey.name, dropOffs);
  const summary = summariseAfterDropOff(all, dropOffs, PATHS_SHOWN);
  const labels = Object.fromEntries(journey.funnel.map((s) => [s.key, s.label]));
  const words = Object.fromEntries(OUTCOMES.map((o) => [o, journey.outcomeLabel(undefined, o)]));
  const rows: PathRow[] = summary.nextPaths.map((p) => ({ steps: p.steps, outcome: p.outcome, count: p.customers, share: p.share, finer: [] }));
  return { all, summary, labels, words, sankey: pathsSankey(rows, labels, words) };
}

/** GET /api/analytics/after-drop-off: an unknown journey or step is a 404 naming what there is. */
export async function afterDropOffOf(query: DayRange & { journey: string; step: string }): Promise<AfterDropOffAnswer> {
  const journey = await requireJourney(query.journey);
  const step = stepOf(journey, query.step);
  if (!step) {
    const known = journey.funnel.map((s) => s.key);
    throw new ApiError(
      "not_found",
      `the journey "${journey.name}" has no funnel step "${query.step}": ${known.length > 0 ? `its steps are ${known.join(", ")}` : "it has none"}`,
      { parameter: "step", journey: journey.name, step: query.step },
    );
  }
  const { summary, labels } = await getAfterDropOff(journey, await stepCohort(journey, query, step));
  return {
    journey: journey.name,
    from: query.from,
    to: query.to,
    step: { key: step.key, label: step.label },
    reference: "first",
    dropOffs: { sessions: summary.dropOffSessions, customers: summary.customers, anonymous: summary.anonymous },
    cameBack: summary.cameBack,
    cameBackEver: summary.cameBackEver,
    completedLater: summary.completedLater,
    nextSession: {
      paths: summary.nextPaths.map((p) => ({
        steps: p.steps.map((key) => ({ key, label: labels[key] ?? key })),
        outcome: p.outcome,
        customers: p.customers,
        share: p.share,
      })),
      other: summary.otherPaths,
    },
  };
}

const PAGE = 50;

/**
 * The sessions page's drill-down from a figure: exactly the sessions it counts (one per customer),
 * newest first, narrowed by the outcome tab, a page at a time; masked as the sessions list is. The
 * figure is of a step's drop-offs (`step`, `from`, `to`) or of a segment's sessions (`segment`).
 */
export async function listAfterDropOffFigure(
  viewer: Viewer,
  journey: Journey | null,
  q: { from?: string; to?: string; step?: string; segment?: string; afterDrop?: Figure },
  outcome: string | undefined,
  after: { startedAt: Date; id: string } | undefined,
) {
  const matching = (await figureOf(viewer, journey, q)).filter((s) => outcome === undefined || s.outcome === outcome);
  const at = after ? { startedAt: after.startedAt.getTime(), id: after.id } : null;
  const olderThan = (s: CohortSession) => !at || s.startedAt < at.startedAt || (s.startedAt === at.startedAt && s.id > at.id);
  const page = matching.filter(olderThan).slice(0, PAGE + 1);
  const rows = await getReadStore().db.session.findMany({ where: { id: { in: page.slice(0, PAGE).map((s) => s.id) } } });
  rows.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? -1 : 1));
  const [masker, references] = await Promise.all([getMasker(), referencesFor(rows.map((s) => s.userId))]);
  const sessions = rows.map((s) => toSessionJson(s, masker, references));
  const last = sessions.at(-1);
  return { sessions, older: page.length > PAGE && last ? `${last.startedAt}|${last.id}` : null, total: matching.length };
}

/** A figure's sessions; without its journey, and its step and range or its segment, it names none (rather than every session). */
async function figureOf(viewer: Viewer, journey: Journey | null, q: Parameters<typeof listAfterDropOffFigure>[2]): Promise<CohortSession[]> {
  if (!journey || !q.afterDrop) return [];
  if (q.segment) {
    const segment = await getSegment(getReadStore(), q.segment);
    if (!segment) return [];
    return segmentFigureSessions(viewer, segment, journey, q.afterDrop);
  }
  const step = stepOf(journey, q.step);
  return step && q.from && q.to ? stepFigureSessions(journey, { from: q.from, to: q.to }, step, q.afterDrop) : [];
}
