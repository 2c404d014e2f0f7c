import type { Generation } from "../sessions/generations";

/**
 * Where a stored definition's newest version stands in the read models: `live` (pages fold with
 * it), `preparing` (a generation with it is being built), `failed` (the generation built for it
 * failed, or was superseded without it: the live generation still folds with `liveVersion`), or
 * `not-built` (stored, but no generation folds with it yet).
 */
export type BuildState = "live" | "preparing" | "failed" | "not-built";

export interface JourneyBuild {
  state: BuildState;
  /** the newest stored version, the one this state is about */
  version: number;
  /** the version pages fold with (null: none yet) */
  liveVersion: number | null;
  /** the generation built for `version` (null when none was started) */
  generation: number | null;
  /** what stopped a failed build: the error's class and code, never its message (it could quote an event) */
  error: string | null;
  /** how far the failed or preparing build had folded, of how many events */
  position: number | null;
  head: number | null;
  /** when a failed build ended */
  endedAt: Date | null;
}

/**
 * The build state of definition `name`'s newest version `version`, from the generations (newest
 * first) and the live one. Pure: the generations are read by the caller.
 */
export function buildOf(name: string, version: number, live: Generation, generations: readonly Generation[]): JourneyBuild {
  const liveVersion = live.definitions[name] ?? null;
  const base = { version, liveVersion, generation: null, error: null, position: null, head: null, endedAt: null };
  if (liveVersion === version) return { ...base, state: "live", generation: live.id };
  const built = [...generations].sort((a, b) => b.id - a.id).find((g) => g.definitions[name] === version);
  if (!built) return { ...base, state: "not-built" };
  const about = { ...base, generation: built.id, position: built.position, head: built.head };
  if (built.state === "building") return { ...about, state: "preparing" };
  if (built.state === "failed") return { ...about, state: "failed", error: built.errorKind ?? "unknown", endedAt: built.endedAt };
  // Live once and since replaced by a generation without it (a rollback): not what pages fold with.
  return { ...about, state: "not-built" };
}

/** A failed build of a version: a new generation leaves it out until it is retried or replaced (superseded is not a failure of it). */
export const failedToBuild = (build: JourneyBuild): boolean => build.state === "failed" && build.error !== "superseded";

/** The words lists and the CLI use for a build that is not live: "failed to build (Error); live v2". */
export function buildWords(build: JourneyBuild): string | null {
  const live = build.liveVersion ? `live v${build.liveVersion}` : "none live";
  if (build.state === "live") return null;
  if (build.state === "preparing") return `being prepared; ${live}`;
  if (build.state === "failed") return `failed to build (${build.error}); ${live}`;
  return `not built; ${live}`;
}
