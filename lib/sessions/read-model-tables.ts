import type { Provider, Tx } from "../db/sql";

/**
 * The tables one generation of the session read models lives in. The live generation has the
 * plain names, which every page reads; a generation being built (or retired) has the same tables
 * with a suffix, and the switch renames them (lib/sessions/generations/). Aliases are shared by
 * every generation: a generation being built writes none (`aliases` null), the switch writes the
 * ones its new ids need.
 */
export interface ReadModelTables {
  identityLinks: string;
  correlationOwners: string;
  sessions: string;
  sessionBlocks: string;
  userSummaries: string;
  userSearchTerms: string;
  analyticsDaily: string;
  analyticsDailyGaps: string;
  /** the generation's row in projection_checkpoints */
  checkpoint: string;
  aliases: string | null;
}

/** The read models' tables by their plain names, in the order they are created and renamed. */
export const READ_MODEL_TABLES = [
  ["identityLinks", "identity_links"],
  ["correlationOwners", "correlation_owners"],
  ["sessions", "sessions"],
  ["sessionBlocks", "session_blocks"],
  ["userSummaries", "user_summaries"],
  ["userSearchTerms", "user_search_terms"],
  ["analyticsDaily", "analytics_daily"],
  ["analyticsDailyGaps", "analytics_daily_gaps"],
] as const;

type TableKey = (typeof READ_MODEL_TABLES)[number][0];

const named = (name: (plain: string) => string) => Object.fromEntries(READ_MODEL_TABLES.map(([key, plain]) => [key, name(plain)])) as Record<TableKey, string>;

/** The live generation's tables: what pages read. */
export const LIVE_TABLES: ReadModelTables = { ...named((plain) => plain), checkpoint: "sessions", aliases: "session_aliases" };

/** The tables of generation `id` while it is not live (being built, or retired). */
export const generationTables = (id: number): ReadModelTables => ({
  ...named((plain) => `${plain}__g${id}`),
  checkpoint: `sessions__g${id}`,
  aliases: null,
});

/** Where the read-model stores write: the projector's transaction and the generation's tables. */
export interface ReadModelTx {
  tx: Tx;
  provider: Provider;
  tables: ReadModelTables;
}
