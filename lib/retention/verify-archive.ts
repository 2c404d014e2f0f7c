import type { Store } from "../db/prisma";
import { chainLink, contentMatches } from "../integrity/chain";
import { readErasureVouches, vouchingRecord } from "../integrity/erasure-vouches";
import { linkBefore } from "../integrity/link-before";
import { fromArchiveLine, manifestPathOf, readArchiveLines, readManifest, type Manifest } from "./archive";

export interface ArchiveProblem {
  /** the event's position, or null for a problem with the archive as a whole */
  position: number | null;
  problem: string;
}

export interface ArchiveVerification {
  purgeId: string | null;
  checked: number;
  /** lines an erasure rewrote, each vouched for by its erasure record */
  erased: number;
  problems: ArchiveProblem[];
}

/**
 * Checks an archive against what the store kept of its events (their tombstones): each line's
 * content hashes to the tombstone's content hash, its chain link recomputes from the link before
 * it to the tombstone's, and the lines are the manifest's positions in order. Every problem names
 * the position and what is wrong; nothing is written.
 */
export async function verifyArchive(store: Store, eventsPath: string): Promise<ArchiveVerification> {
  const problems: ArchiveProblem[] = [];
  let manifest: Manifest | null = null;
  try {
    manifest = readManifest(manifestPathOf(eventsPath));
  } catch (error) {
    problems.push({ position: null, problem: `the manifest ${manifestPathOf(eventsPath)} cannot be read: ${(error as Error).message}` });
  }
  const listed = new Map((manifest?.events ?? []).map((e) => [e.position, e.contentHash]));
  let checked = 0;
  let erasedLines = 0;
  const vouches = await readErasureVouches(store, "archived");
  try {
    for await (const line of readArchiveLines(eventsPath)) {
      const index = checked++;
      let row: ReturnType<typeof fromArchiveLine>;
      try {
        row = fromArchiveLine(line);
      } catch {
        problems.push({ position: null, problem: `line ${index + 1} is not JSON` });
        continue;
      }
      const position = row.position;
      if (manifest && manifest.positions[index] !== position)
        problems.push({ position, problem: `line ${index + 1} holds event ${position}, the manifest lists ${manifest.positions[index] ?? "nothing"} there` });
      const tombstone = await store.db.eventTombstone.findUnique({ where: { position: BigInt(position) } });
      if (!tombstone) {
        problems.push({ position, problem: `the store has no tombstone for event ${position}: it was not purged by Rewind, or not from this store` });
        continue;
      }
      // An erasure rewrote the line when its record vouches for exactly what it holds now.
      const erased = contentMatches(row, tombstone.contentHash) ? null : vouchingRecord(vouches, position, tombstone.contentHash, row);
      if (erased) erasedLines += 1;
      else if (!contentMatches(row, tombstone.contentHash))
        problems.push({ position, problem: `event ${position}'s content does not hash to what the store recorded: it was changed` });
      if (row.contentHash !== tombstone.contentHash) problems.push({ position, problem: `event ${position}'s content_hash column differs from the store's` });
      if (listed.has(position) && listed.get(position) !== tombstone.contentHash)
        problems.push({ position, problem: `the manifest's content hash for event ${position} differs from the store's` });
      if (tombstone.chainHash !== null) {
        const fields = { ...row, stream: row.stream, streamVersion: row.streamVersion, contentHash: tombstone.contentHash };
        const previous = await linkBefore(store, BigInt(position));
        const link = chainLink(previous, fields);
        // An erased line's stream or extensions may have changed: its record's link binds them instead.
        const linked = link === tombstone.chainHash || (erased !== null && erased.previous === previous && erased.link === link);
        if (!linked)
          problems.push({
            position,
            problem: `event ${position}'s chain link does not recompute to the store's: its stream, version, times or extensions were changed`,
          });
      }
    }
  } catch (error) {
    problems.push({ position: null, problem: `the archive cannot be read to its end (${(error as Error).message}): it is damaged or cut short` });
  }
  if (manifest && manifest.count !== checked)
    problems.push({ position: null, problem: `the archive holds ${checked} events, its manifest says ${manifest.count}` });
  return { purgeId: manifest?.purgeId ?? null, checked, erased: erasedLines, problems };
}
