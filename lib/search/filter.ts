import type { SessionOutcome } from "../journeys/journey-definition";

/**
 * A search for sessions by what happened in them: the one filter the sessions API, the sessions
 * page and saved segments share (store it as it is: plain JSON). Every condition given must hold;
 * none given, every session. Checked against the journeys and the personal-data policy by
 * checkFilter (lib/search/check-filter.ts) before it reaches the store.
 */
export interface SessionSearchFilter {
  /** a journey's name; reached, notReached and dropReason need it */
  journey?: string;
  /** UTC start days, inclusive (YYYY-MM-DD), as analytics counts them */
  from?: string;
  to?: string;
  outcome?: SessionOutcome;
  /** funnel step keys the session reached (each, in any order) */
  reached: string[];
  /** funnel step keys the session never reached */
  notReached: string[];
  dropReason?: string;
  /** the event condition: a type glob (lib/glob/glob.ts) … */
  hasType?: string;
  /** … and conditions on that same event's data, all of them */
  where: DataCondition[];
  minEvents?: number;
  maxEvents?: number;
  /** duration from first to last event, milliseconds */
  minDurationMs?: number;
  maxDurationMs?: number;
  /** dimension values of the session's journey (`key`, `value`; "unknown" for none), each must hold */
  dimensions: { key: string; value: string }[];
}

export const WHERE_OPS = ["eq", "ne", "in", "exists", "gt", "lt"] as const;
export type WhereOp = (typeof WHERE_OPS)[number];

/** Only these may name a personal path, and only for a caller who may find customers: a whole value, never a range to probe. */
export const PERSONAL_OPS: readonly WhereOp[] = ["eq", "exists"];

/**
 * One `where`: a path into the event (`data.reason`, `data.travellers.0.name`) and a test.
 * `eq`/`ne` compare as strings, or as numbers when both are numbers; `in` is eq with any of a list.
 */
export type DataCondition =
  | { path: string; steps: (string | number)[]; op: "eq" | "ne"; value: string }
  | { path: string; steps: (string | number)[]; op: "in"; value: (string | number | boolean)[] }
  | { path: string; steps: (string | number)[]; op: "exists"; value: boolean }
  | { path: string; steps: (string | number)[]; op: "gt" | "lt"; value: number };

/** Whether the filter asks about one event of the session (hasType or where), not only the session. */
export const hasEventCondition = (filter: SessionSearchFilter): boolean => filter.hasType !== undefined || filter.where.length > 0;

/** The empty filter: every session. */
export const everySession = (): SessionSearchFilter => ({ reached: [], notReached: [], where: [], dimensions: [] });
