import type { Store } from "../../db/prisma";
import { tableBytes } from "../../db/table-bytes";
import { generationTables, LIVE_TABLES, READ_MODEL_TABLES } from "../read-model-tables";
import type { Generation } from "./generation";

/** The tables a generation has on disk now: the plain ones while live, its suffixed ones while built or kept; none once dropped. */
function tablesOf(g: Generation): string[] {
  if (g.state === "live") return READ_MODEL_TABLES.map(([key]) => LIVE_TABLES[key]);
  if (g.state === "building" || (g.state === "retired" && g.endedAt === null)) {
    const tables = generationTables(g.id);
    return READ_MODEL_TABLES.map(([key]) => tables[key]);
  }
  return [];
}

/** The disk each generation's tables use, by id (0 for one whose tables are dropped; null when unknown). */
export async function generationBytes(store: Store, generations: readonly Generation[]): Promise<Map<number, number | null>> {
  const bytes = new Map<number, number | null>();
  for (const g of generations) {
    try {
      let total: number | null = 0;
      for (const table of tablesOf(g)) {
        const n = await tableBytes(store, table);
        total = n === null || total === null ? null : total + n;
      }
      bytes.set(g.id, total);
    } catch {
      // No dbstat in this SQLite build (or a table renamed under us by a switch): unknown, not an error.
      bytes.set(g.id, null);
    }
  }
  return bytes;
}
