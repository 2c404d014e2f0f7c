import "server-only";
import type { Viewer } from "../access/viewer";
import { viewerCan } from "../access/viewer-can";
import { getReadStore } from "../db/read-store";
import { ApiError } from "../http/errors";
import { checkFilter, type CheckedFilter } from "../search/check-filter";
import type { SessionSearchFilter } from "../search/filter";
import { parsePageSearchQuery, type SearchRequest } from "../search/query";
import { dropReasonsOf } from "../journeys/drop-reasons";
import { listEventTypes } from "./explorer";
import { searchSessionsWithTotal } from "../search/search-sessions";
import { recordAccess } from "./audit";
import { liveCatalog } from "./catalog";
import { referencesFor } from "./customers";
import { getMasker } from "./privacy";
import { toSessionJson } from "./sessions";

/** A filter checked for this viewer against the live journeys and the policy (404 for a journey that is not there). */
export async function checkedFilterFor(viewer: Viewer, filter: SessionSearchFilter): Promise<CheckedFilter> {
  const journey = filter.journey === undefined ? null : (await liveCatalog()).byName(filter.journey);
  if (filter.journey !== undefined && !journey) {
    throw new ApiError("not_found", `journey "${filter.journey}" not found (GET /api/journeys lists them)`, { parameter: "journey" });
  }
  const masker = await getMasker();
  return checkFilter(filter, { journey, personalPath: masker.personalPath, mayFindUsers: viewerCan(viewer, "users.find") });
}

/**
 * Sessions by what happened in them, for a viewer: the exact total, a page newest first, each with
 * its first matching event, masked. A search that asks about a personal path finds people by their
 * data, as a customer search does: it is on record, its values masked whole.
 */
export async function searchSessionsFor(viewer: Viewer, request: SearchRequest, target: string) {
  const store = getReadStore();
  const filter = await checkedFilterFor(viewer, request.filter);
  const [{ total, ...page }, masker] = await Promise.all([
    searchSessionsWithTotal(store, filter, { limit: request.limit, cursor: request.cursor }),
    getMasker(),
  ]);
  const references = await referencesFor(page.sessions.map((s) => s.session.userId));
  if (filter.personalPaths.length > 0) {
    const asked = filter.where
      .filter((c) => filter.personalPaths.includes(c.path))
      .map((c) => `${c.path} ${c.op} ${masker.value(String(c.value))}`)
      .join(", ");
    await recordAccess(viewer, { action: "customer.searched", customer: null, target: `${target}: sessions where ${asked} (${total} found)` });
  }
  return {
    total,
    sessions: page.sessions.map(({ session, firstMatch }) => ({ ...toSessionJson(session, masker, references), firstMatch })),
    ...(page.next ? { next: page.next } : {}),
  };
}

/** What the sessions page's filter builder offers: each live journey's steps, drop reasons and dimensions, and the store's event types. */
export async function searchChoices() {
  const [catalog, types] = await Promise.all([liveCatalog(), listEventTypes()]);
  const journeys = catalog.journeys.map((j) => ({
    name: j.name,
    label: j.label,
    steps: j.funnel.map((s) => ({ key: s.key, label: s.label })),
    dropReasons: dropReasonsOf(j).map((r) => ({ key: r.key, label: r.label })),
    dimensions: j.dimensions.map((d) => ({ key: d.key, label: d.label })),
  }));
  return { journeys, types };
}

/** The page's search: the answer, or what is wrong with the filter in words (the page shows it beside the builder). */
export async function searchForPage(viewer: Viewer, params: URLSearchParams) {
  try {
    return { ...(await searchSessionsFor(viewer, parsePageSearchQuery(params), "/sessions")), error: undefined };
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { total: 0, sessions: [], next: undefined, error: error.message };
    throw error;
  }
}
