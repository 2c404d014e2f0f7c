import type { Store } from "../../db/prisma";
import type { Prisma } from "../../generated/sqlite/client";
import { readHeadPosition } from "../../eventstore/read";
import type { JourneyCatalog } from "../../journeys/catalog";
import * as rm from "../projection-store";
import { copyFrozenSessions } from "../frozen-sessions";
import { generationTables } from "../read-model-tables";
import { builtInFoldVersions, dataDefinitions } from "./built-in-versions";
import { rememberCatalog } from "./catalogs";
import { toGeneration, type Generation } from "./generation";
import { createGenerationTables, dropGenerationTables } from "./generation-tables";

export interface StartGeneration {
  /** the journey definitions the generation folds with, `{"<name>": <version>}`, kept as given ("@" keys aside) */
  definitions: Record<string, number>;
  /** the built-in fold versions it folds with, as "@" keys (default: this code's, which is what folds it) */
  builtInFolds?: Record<string, number>;
  /** the catalog of those definitions: this process builds with it (others resolve it from the definitions) */
  catalog?: JourneyCatalog;
  /** why, for people: "rebuild", "journey shop v3" */
  reason: string;
}

const withFolds = (input: StartGeneration) => ({ ...dataDefinitions(input.definitions), ...(input.builtInFolds ?? builtInFoldVersions()) });

/** Ends a building generation: marked failed with the kind given, its tables dropped. False if it was no longer building. */
export async function endBuild(tx: Prisma.TransactionClient, id: number, errorKind: string): Promise<boolean> {
  // Its checkpoint row is its builders' lock: a page of it in flight finishes first.
  await rm.lockAndReadCheckpoint(tx, generationTables(id).checkpoint);
  const { count } = await tx.journeyGeneration.updateMany({
    where: { id, state: "building" },
    data: { state: "failed", errorKind, endedAt: new Date() },
  });
  if (count === 1) await dropGenerationTables(tx, id);
  return count === 1;
}

/**
 * Starts a new generation of the session read models: empty tables beside the live ones, folded
 * from position 0 by whoever drives it (the server's projector runner, or a command in the
 * foreground). One is built at a time: a start supersedes an unfinished one (marked failed,
 * "superseded", its tables dropped). The live generation is not touched.
 */
export async function startGeneration(store: Store, input: StartGeneration): Promise<Generation> {
  const head = await readHeadPosition(store);
  const generation = await store.db.$transaction(
    async (tx) => {
      for (const old of await tx.journeyGeneration.findMany({ where: { state: "building" }, select: { id: true } })) {
        await endBuild(tx, old.id, "superseded");
      }
      const row = await tx.journeyGeneration.create({
        data: { state: "building", definitions: withFolds(input), reason: input.reason, head, rollups: "deferred", createdAt: new Date() },
      });
      await createGenerationTables(tx, store.target.provider, row.id);
      // What a purge left cannot be folded again: the live generation's frozen sessions are kept as they are.
      await copyFrozenSessions(tx, generationTables(row.id));
      return toGeneration(row);
    },
    { maxWait: 60_000, timeout: 120_000 },
  );
  if (input.catalog) rememberCatalog(generation.id, input.catalog);
  return generation;
}
