import { closeSync, fsyncSync, openSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Store } from "../db/prisma";
import type { StoredEvent } from "../generated/sqlite/client";
import { chainLink } from "../integrity/chain";
import { linkBefore } from "../integrity/link-before";
import { archiveDir, fromArchiveLine, readArchiveLines, toArchiveLine } from "../retention/archive";
import { eraseEvent, type ErasableEvent, type EventEraser } from "./erase-event";
import { mentionsAny } from "./personal-values";

/** One archive file an erasure rewrites: its lines as they will be, and each changed event's hashes. */
export interface ArchiveErasure {
  path: string;
  lines: string[];
  changes: { position: number; before: string; after: string; previous: string | null; link: string | null; archive: string }[];
}

function archiveFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".ndjson.gz"))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Their events a retention purge archived: their values are collected from these too. */
export async function readArchivedOwn(isOwn: (row: ErasableEvent) => boolean, dir = archiveDir()): Promise<ErasableEvent[]> {
  const out: ErasableEvent[] = [];
  for (const path of archiveFiles(dir)) {
    for await (const line of readArchiveLines(path)) {
      const row = fromArchiveLine(line) as ErasableEvent;
      if (isOwn(row)) out.push(row);
    }
  }
  return out;
}

/**
 * The retention archives (gzip NDJSON, lib/retention/archive.ts) that hold their events or one of
 * the values, each line erased as its event would be in the store, with the link its record
 * vouches for (from the link before its tombstone). Read whole: archives are written per purge, and
 * an erasure is rare. Nothing is written here, so the erasure record can vouch for the changes first.
 */
export async function planArchiveErasure(
  store: Store,
  values: readonly string[],
  isOwn: (row: ErasableEvent) => boolean,
  eraserFor: (row: ErasableEvent) => EventEraser,
  dir = archiveDir(),
): Promise<ArchiveErasure[]> {
  const out: ArchiveErasure[] = [];
  for (const path of archiveFiles(dir)) {
    const plan: ArchiveErasure = { path, lines: [], changes: [] };
    for await (const line of readArchiveLines(path)) {
      const row = fromArchiveLine(line) as ErasableEvent & Pick<StoredEvent, "streamVersion" | "recordedAt" | "occurredAt" | "chainHash">;
      const changed = isOwn(row) || mentionsAny(line, values) ? eraseEvent(row, eraserFor(row)) : null;
      if (!changed) {
        plan.lines.push(line);
        continue;
      }
      plan.lines.push(toArchiveLine({ ...(changed.row as unknown as StoredEvent), position: BigInt(row.position) }));
      const previous = await linkBefore(store, BigInt(row.position));
      const link = row.chainHash === null ? null : chainLink(previous, { ...row, ...changed.row, contentHash: row.contentHash });
      plan.changes.push({ position: row.position, before: changed.before, after: changed.after, previous, link, archive: basename(path) });
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
