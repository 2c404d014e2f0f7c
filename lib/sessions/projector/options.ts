import type { JourneyCatalog } from "../../journeys/catalog";

/** The session projector's checkpoint. */
export const CHECKPOINT = "sessions";

/** Events per live page. */
export const LIVE_PAGE = 5_000;

/** Pages of a rebuild: larger than live pages (fewer sessions straddle a page), still bounded. */
export const REBUILD_PAGE = 20_000;

export interface ProjectorOptions {
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
  /** the journeys this fold uses (default: builtInCatalog); a generation being built folds with its own */
  catalog?: JourneyCatalog;
  /** fold this one set-aside event (a retry from /admin/dead-letters), leaving the checkpoint as it is */
  only?: number;
}
