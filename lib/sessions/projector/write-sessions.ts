import { applyRollupDelta, loadCountedSessions, type CountedSession } from "../../analytics/rollup-store";
import * as rm from "../projection-store";
import type { SessionRecord } from "../summarise";
import type { ProjectorOptions } from "./options";
import type { PageContext } from "./page-context";

/** The sessions as the counters see them. */
export const countedOf = (records: readonly SessionRecord[]): CountedSession[] =>
  records.map((r) => ({ day: r.facts.day, journey: r.journey, userId: r.userId, outcome: r.outcome, facts: r.facts }));

/**
 * Phases "write read models" (the sessions) and "move rollups": the sessions folded again replace
 * the stored ones, and the analytics counters move by what that changed (a rebuild recomputes
 * whole days at its end instead). Old ids that now name another session keep resolving.
 */
export async function writeSessions(
  page: PageContext,
  previousIds: readonly string[],
  records: readonly SessionRecord[],
  aliases: readonly { alias: string; target: string }[],
  options: ProjectorOptions,
): Promise<void> {
  const before = options.deferredDays ? [] : await loadCountedSessions(page, previousIds);
  await rm.deleteSessions(page, previousIds);
  await rm.insertSessions(page, records);
  if (options.deferredDays) for (const r of records) options.deferredDays.add(r.facts.day);
  else await applyRollupDelta(page, before, countedOf(records));
  await rm.saveAliases(page, aliases);
}
