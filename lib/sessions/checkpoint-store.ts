import { sql, type Tx } from "../db/sql";

/** Takes the projector's lock (the checkpoint row) and reads the checkpoint. */
export async function lockAndReadCheckpoint(tx: Tx, name: string): Promise<number> {
  // The write comes first: it serialises projectors across processes (and takes SQLite's write
  // lock before any read, as appends do).
  await tx.$executeRaw(sql`UPDATE "projection_checkpoints" SET "position" = "position" WHERE "name" = ${name}`);
  const rows = await tx.$queryRaw<{ position: number | bigint }[]>(sql`SELECT "position" FROM "projection_checkpoints" WHERE "name" = ${name}`);
  return Number(rows[0]?.position ?? 0);
}

export async function writeCheckpoint(tx: Tx, name: string, position: number): Promise<void> {
  await tx.$executeRaw(sql`UPDATE "projection_checkpoints" SET "position" = ${position} WHERE "name" = ${name}`);
}
