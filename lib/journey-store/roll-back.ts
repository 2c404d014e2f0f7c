import type { Store } from "../db/prisma";
import type { Prisma } from "../generated/sqlite/client";
import { dataDefinitions, rollBackGeneration, type RollBackOptions, type RollBackResult } from "../sessions/generations";
import { forgetLiveCatalog } from "./live-catalog";

const sameDocument = (a: string, b: string) => JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));

/**
 * In the rollback's transaction: each stored definition the generation brought back folds with at
 * another version than the retiring one gets a new version whose document is the one brought back
 * (summary "rolled back to vN"), so the history says what is in force and the next save builds on
 * it; none when the newest version already is that document. Answers the definitions map the
 * restored generation carries: those versions, and its built-in fold versions. A journey the
 * retiring generation has and the restored one has not (added since) stays stored: there is no
 * version that says "no definition".
 */
export async function recordRollbackVersions(
  tx: Prisma.TransactionClient,
  restored: Record<string, number>,
  retiring: Record<string, number>,
  changedBy: string,
): Promise<Record<string, number>> {
  const map = { ...restored };
  for (const [name, version] of Object.entries(dataDefinitions(restored))) {
    if (retiring[name] === version) continue;
    const [head, back] = await Promise.all([
      tx.journeyDefinitionVersion.findFirst({ where: { name }, orderBy: { version: "desc" } }),
      tx.journeyDefinitionVersion.findUnique({ where: { name_version: { name, version } } }),
    ]);
    if (!head || !back) throw new Error(`journey definition ${name} v${version} is not stored`);
    if (sameDocument(head.document, back.document)) {
      map[name] = head.version;
      continue;
    }
    const row = await tx.journeyDefinitionVersion.create({
      data: { name, version: head.version + 1, document: back.document, changedBy, changedAt: new Date(), summary: `rolled back to v${version}` },
    });
    map[name] = row.version;
  }
  return map;
}

/** Rolls the read models back to the generation retired last, recording it in the definitions' history. */
export async function rollBackJourneys(store: Store, changedBy: string, options: RollBackOptions = {}): Promise<RollBackResult> {
  const result = await rollBackGeneration(store, {
    ...options,
    recordDefinitions: (tx, restored, retiring) => recordRollbackVersions(tx, restored.definitions, retiring.definitions, changedBy),
  });
  forgetLiveCatalog();
  return result;
}
