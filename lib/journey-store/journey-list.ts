import type { Store } from "../db/prisma";
import { builtInCatalog } from "../journeys/catalog";
import type { JourneyBuild } from "./build-status";
import type { DefinitionVersion } from "./definition-store";
import { readJourneyBuilds } from "./journey-builds";

/** One journey as lists show it: a stored definition's newest version, or a built-in journey. */
export interface JourneySummary {
  name: string;
  label: string;
  priority: number;
  /** the newest stored version; null for a built-in journey (code, not stored) */
  version: number | null;
  /** the version the live read models fold with (older than `version` while a new one is prepared); null: not in them yet, or built-in */
  liveVersion: number | null;
  /** where the newest version stands: live, being prepared, or failed to build (with what stopped it); null for a built-in journey */
  build: JourneyBuild | null;
  builtIn: boolean;
  steps: { key: string; label: string }[];
  changedAt: Date | null;
  changedBy: string | null;
  summary: string | null;
}

function ofStored(v: DefinitionVersion, build: JourneyBuild): JourneySummary {
  const { name, label, priority, steps } = v.document;
  return {
    name,
    label,
    priority,
    version: v.version,
    liveVersion: build.liveVersion,
    build,
    builtIn: false,
    steps: steps.map((s) => ({ key: s.key, label: s.label })),
    changedAt: v.changedAt,
    changedBy: v.changedBy,
    summary: v.summary,
  };
}

/** Every journey, built-in and stored, highest priority first, then by name (the order they claim events in). */
export async function listJourneySummaries(store: Store): Promise<JourneySummary[]> {
  const stored = await readJourneyBuilds(store);
  const builtIn: JourneySummary[] = builtInCatalog.journeys.map((j) => ({
    name: j.name,
    label: j.label,
    priority: j.priority,
    version: null,
    liveVersion: null,
    build: null,
    builtIn: true,
    steps: j.funnel.map((s) => ({ key: s.key, label: s.label })),
    changedAt: null,
    changedBy: null,
    summary: null,
  }));
  return [...builtIn, ...stored.map((s) => ofStored(s.version, s.build))].sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
}
