import "server-only";
import { can } from "../access/roles";
import type { Viewer } from "../access/viewer";
import { getStore } from "../db/prisma";
import { ApiError } from "../http/errors";
import { buildWords } from "../journey-store/build-status";
import { definitionHistory, readDefinition, type DefinitionVersion } from "../journey-store/definition-store";
import { type JourneySummary, listJourneySummaries } from "../journey-store/journey-list";

/**
 * Journeys for the HTTP API. Who changed a definition is a dashboard user's email: answered to
 * admins only (a service key and other roles get everything else).
 */
function summaryJson(j: JourneySummary, viewer: Viewer) {
  const { changedBy, summary: _summary, changedAt, build, ...rest } = j;
  return {
    ...rest,
    build: build && { ...build, endedAt: build.endedAt?.toISOString() ?? null, message: buildWords(build) },
    changedAt: changedAt?.toISOString() ?? null,
    ...(mayKnowWho(viewer) ? { changedBy } : {}),
  };
}

const mayKnowWho = (viewer: Viewer) => viewer.kind === "user" && can(viewer.role, "admin.manage");

export async function getJourneyList(viewer: Viewer) {
  return { journeys: (await listJourneySummaries(getStore())).map((j) => summaryJson(j, viewer)) };
}

function versionJson(v: DefinitionVersion, viewer: Viewer) {
  return { version: v.version, changedAt: v.changedAt.toISOString(), ...(mayKnowWho(viewer) ? { changedBy: v.changedBy } : {}), summary: v.summary };
}

/** One journey: its summary, its definition (the newest version, or `version`) and its history; 404 naming an unknown one. */
export async function getJourney(viewer: Viewer, name: string, version?: number) {
  const store = getStore();
  const journey = (await listJourneySummaries(store)).find((j) => j.name === name);
  if (!journey) throw new ApiError("not_found", `no journey named "${name}"`, { journey: name });
  if (journey.builtIn) {
    if (version !== undefined) throw new ApiError("not_found", `"${name}" is a built-in journey: it has no stored versions`, { journey: name, version });
    return { ...summaryJson(journey, viewer), definition: null, history: [] };
  }
  const [chosen, history] = await Promise.all([readDefinition(store, name, version), definitionHistory(store, name)]);
  if (!chosen) throw new ApiError("not_found", `journey "${name}" has no version ${version}`, { journey: name, version });
  return {
    ...summaryJson(journey, viewer),
    version: chosen.version,
    latestVersion: journey.version,
    definition: JSON.parse(chosen.source) as unknown,
    history: history.map((v) => versionJson(v, viewer)),
  };
}
