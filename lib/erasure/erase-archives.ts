import { closeSync, fsyncSync, openSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { StoredEvent } from "../generated/sqlite/client";
import { archiveDir, fromArchiveLine, readArchiveLines, toArchiveLine } from "../retention/archive";
import { eraseEvent, type ErasableEvent, type EventEraser } from "./erase-event";
import { mentionsAny } from "./personal-values";

/** One archive file an erasure rewrites: its lines as they will be, and each changed event's hashes. */
export interface ArchiveErasure {
  path: string;
  lines: string[];
  changes: { position: number; before: string; after: string; archive: string }[];
}

/**
 * The retention archives (gzip NDJSON, lib/retention/archive.ts) that hold one of the values, each
 * line erased as its event would be in the store. Read whole: archives are written per purge, and
 * an erasure is rare. Nothing is written here, so the erasure record can vouch for the changes first.
 */
export async function planArchiveErasure(
  values: readonly string[],
  eraserFor: (row: ErasableEvent) => EventEraser,
  dir = archiveDir(),
): Promise<ArchiveErasure[]> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".ndjson.gz"));
  } catch {
    return [];
  }
  const out: ArchiveErasure[] = [];
  for (const file of files.sort()) {
    const path = join(dir, file);
    const plan: ArchiveErasure = { path, lines: [], changes: [] };
    for await (const line of readArchiveLines(path)) {
      if (!mentionsAny(line, values)) {
        plan.lines.push(line);
        continue;
      }
      const row = fromArchiveLine(line) as ErasableEvent;
      const changed = eraseEvent(row, eraserFor(row));
      if (!changed) {
        plan.lines.push(line);
        continue;
      }
      plan.lines.push(toArchiveLine({ ...(changed.row as unknown as StoredEvent), position: BigInt(row.position) }));
      plan.changes.push({ position: row.position, before: changed.before, after: changed.after, archive: basename(path) });
    }
    if (plan.changes.length > 0) out.push(plan);
  }
  return out;
}

/** Replaces each archive file atomically (written beside it, fsynced, renamed over it). */
export function writeErasedArchives(plans: readonly ArchiveErasure[]): void {
  for (const plan of plans) {
    const temporary = `${plan.path}.erasing`;
    writeFileSync(temporary, gzipSync(`${plan.lines.join("\n")}\n`));
    const fd = openSync(temporary, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, plan.path);
  }
}
