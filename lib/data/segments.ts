import "server-only";
import type { Viewer } from "../access/viewer";
import { getStore } from "../db/prisma";
import { ApiError } from "../http/errors";
import { parsePageSearchQuery } from "../search/query";
import { countSessions as countSearch, countSessionsByDay } from "../search/search-sessions";
import { createSegment, deleteSegment, getSegment, listSegments, updateSegment, type Segment } from "../segments/segment-store";
import { daysOfTrend } from "../segments/trend-days";
import { drillDownFilter, drillDownQuerySchema } from "../sessions/drill-down-query";
import { listAfterDropOffFigure } from "./after-drop-off";
import { liveCatalog } from "./catalog";
import { checkedFilterFor } from "./session-search";
import { countSessions } from "./sessions";

/** A segment as the list shows it: counted now, with its sessions per start day (null when its kind has no days). */
export interface CountedSegment extends Segment {
  total: number | null;
  trend: { day: string; sessions: number }[] | null;
  /** why it could not be counted (a journey deleted since, a step renamed): said, not hidden */
  error: string | null;
}

/**
 * Counts a saved query as the sessions page would show it: the filter builder's search (`search=1`,
 * lib/search) or an analytics drill-down (the page's own parameters), for this viewer.
 */
export async function countSegmentQuery(viewer: Viewer, query: string, today: string): Promise<Pick<CountedSegment, "total" | "trend">> {
  const params = new URLSearchParams(query);
  if (params.has("search")) {
    const filter = await checkedFilterFor(viewer, parsePageSearchQuery(params).filter);
    const [total, byDay] = await Promise.all([countSearch(getStore(), filter), countSessionsByDay(getStore(), filter)]);
    return { total, trend: daysOfTrend(filter.from, filter.to, today).map((day) => ({ day, sessions: byDay.find((d) => d.day === day)?.sessions ?? 0 })) };
  }
  const q = drillDownQuerySchema.parse(Object.fromEntries(params));
  const { journeyName, filter } = drillDownFilter(q);
  if (q.afterDrop) {
    const journey = journeyName ? (await liveCatalog()).byName(journeyName) : null;
    return { total: (await listAfterDropOffFigure(viewer, journey, q, q.outcome, undefined)).total, trend: null };
  }
  const days = daysOfTrend(q.from, q.to, today);
  const [total, ...perDay] = await Promise.all([countSessions(filter), ...days.map((day) => countSessions({ ...filter, from: day, to: day }))]);
  return { total: total!, trend: days.map((day, i) => ({ day, sessions: perDay[i]! })) };
}

export async function listCountedSegments(viewer: Viewer, today = new Date().toISOString().slice(0, 10)): Promise<CountedSegment[]> {
  const segments = await listSegments(getStore());
  return Promise.all(
    segments.map(async (segment) => {
      try {
        return { ...segment, ...(await countSegmentQuery(viewer, segment.query, today)), error: null };
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return { ...segment, total: null, trend: null, error: error.message };
      }
    }),
  );
}

/**
 * A segment is shared with the team, analysts included, so it may not ask about personal data: a
 * query that names a personal path is refused (400), as is one the sessions page could not count.
 */
export async function checkSegmentQuery(viewer: Viewer, query: string): Promise<void> {
  const params = new URLSearchParams(query);
  // What came after a segment's sessions is opened from that segment: saving it again would make a segment of a segment.
  if (params.has("segment")) throw new ApiError("invalid_request", "a segment cannot be built on another segment: save the query that segment is of");
  if (params.has("search")) {
    const filter = await checkedFilterFor(viewer, parsePageSearchQuery(params).filter);
    if (filter.personalPaths.length > 0) {
      throw new ApiError("invalid_request", `a segment is shared with the whole team: it may not ask about personal data (${filter.personalPaths.join(", ")})`);
    }
  }
}

export async function saveSegment(viewer: Viewer & { kind: "user" }, name: string, query: string) {
  await checkSegmentQuery(viewer, query);
  return createSegment(getStore(), { name, query, by: viewer.email });
}

export async function changeSegment(viewer: Viewer & { kind: "user" }, id: string, name: string, query: string) {
  await checkSegmentQuery(viewer, query);
  return updateSegment(getStore(), id, { name, query, by: viewer.email });
}

export async function removeSegment(id: string) {
  return deleteSegment(getStore(), id);
}

/** A segment by id (its name for a drill-down's banner, its query for its report); null when it was deleted. */
export async function findSegment(id: string): Promise<Segment | null> {
  return getSegment(getStore(), id);
}
