import type { JourneyCatalog } from "../../journeys/catalog";
import type { Tx } from "../../db/sql";
import type { ReadModelTables } from "../read-model-tables";

/** The session projector's checkpoint (the live generation's). */
export const CHECKPOINT = "sessions";

/** Events per live page. */
export const LIVE_PAGE = 5_000;

/** Pages of a rebuild: larger than live pages (fewer sessions straddle a page), still bounded. */
export const REBUILD_PAGE = 20_000;

export interface ProjectorOptions {
  /** the generation folded into: the live one (the plain tables) unless a new one is being built */
  tables?: ReadModelTables;
  /** the journeys this fold uses (default: the built-in ones); handed on, never chosen here */
  catalog?: JourneyCatalog;
  timeoutMs?: number;
  /** events per page; a page is one transaction */
  pageSize?: number;
  /** the clock: sessions idle for less than the timeout at this moment are open */
  now?: () => number;
  /**
   * A rebuild collects the users whose summaries changed here and refreshes them once at the end,
   * instead of once per page (a user's sessions span pages).
   */
  deferredUsers?: Set<string>;
  /** likewise the days whose analytics counters a rebuild recomputes at the end */
  deferredDays?: Set<string>;
  /**
   * Defers (into the two sets above) only while this holds, asked under the page's lock: a
   * generation being built defers until its counters are recomputed whole (generations/build-step.ts).
   */
  deferWhile?: (tx: Tx) => Promise<boolean>;
  /**
   * The live generation this fold's catalog is of: a live page (or idle close) that finds another
   * one live under its lock (a switch or a rollback came in between) folds nothing, so no event is
   * folded into one generation with another's journeys; the caller reads the live one again.
   */
  liveGeneration?: number;
  /** fold this one set-aside event (a retry from /admin/dead-letters), leaving the checkpoint as it is */
  only?: number;
}
