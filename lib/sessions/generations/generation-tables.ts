import { createTableLike, dropTable, renameTable } from "../../db/table-copies";
import type { Provider, Tx } from "../../db/sql";
import { sql } from "../../db/sql";
import { generationTables, LIVE_TABLES, READ_MODEL_TABLES } from "../read-model-tables";

/** Generation `id`'s empty tables, copied from the live ones, and its checkpoint at 0. */
export async function createGenerationTables(tx: Tx, provider: Provider, id: number): Promise<void> {
  const tables = generationTables(id);
  for (const [key, plain] of READ_MODEL_TABLES) await createTableLike(tx, provider, LIVE_TABLES[key], tables[key], plain);
  await tx.$executeRaw(sql`INSERT INTO "projection_checkpoints" ("name", "position") VALUES (${tables.checkpoint}, 0)`);
}

/** Drops generation `id`'s tables and its checkpoint (never the live generation's: those have no suffix). */
export async function dropGenerationTables(tx: Tx, id: number): Promise<void> {
  const tables = generationTables(id);
  for (const [key] of READ_MODEL_TABLES) await dropTable(tx, tables[key]);
  await tx.$executeRaw(sql`DELETE FROM "projection_checkpoints" WHERE "name" = ${tables.checkpoint}`);
}

/**
 * The switch's renames: the live tables become retired generation `retiring`'s, and generation
 * `next`'s become the live ones; the checkpoints follow (the live row keeps its name).
 */
export async function swapGenerationTables(tx: Tx, retiring: number, next: number): Promise<void> {
  const retired = generationTables(retiring);
  const incoming = generationTables(next);
  for (const [key] of READ_MODEL_TABLES) {
    await renameTable(tx, LIVE_TABLES[key], retired[key]);
    await renameTable(tx, incoming[key], LIVE_TABLES[key]);
  }
  await tx.$executeRaw(sql`INSERT INTO "projection_checkpoints" ("name", "position")
    SELECT ${retired.checkpoint}, "position" FROM "projection_checkpoints" WHERE "name" = ${LIVE_TABLES.checkpoint}`);
  await tx.$executeRaw(sql`UPDATE "projection_checkpoints" SET "position" =
    (SELECT "position" FROM "projection_checkpoints" WHERE "name" = ${incoming.checkpoint}) WHERE "name" = ${LIVE_TABLES.checkpoint}`);
  await tx.$executeRaw(sql`DELETE FROM "projection_checkpoints" WHERE "name" = ${incoming.checkpoint}`);
}
