import { yieldToEventLoop } from "../db/event-loop";
import type { Store } from "../db/prisma";
import type { StoredEvent } from "../generated/sqlite/client";
import { chainLink, contentMatches, type Digest } from "./chain";
import { readErasureVouches } from "./erasure-vouches";
import { isTombstone, readMergedPage } from "./tombstones";
import { finishVerification, startVerification, verifyPage, type VerifiedRow, type Verification } from "./verify";

const PAGE = 1_000;

function toVerifiedRow(e: StoredEvent): VerifiedRow {
  return { ...e, position: Number(e.position) };
}

/** The head of the chain now: what an auditor keeps to check the store against later. */
export async function currentDigest(store: Store): Promise<Digest | null> {
  const newest = await store.db.storedEvent.findFirst({
    where: { chainHash: { not: null } },
    orderBy: { position: "desc" },
    select: { position: true, chainHash: true },
  });
  return newest ? { position: Number(newest.position), link: newest.chainHash! } : null;
}

/**
 * Reads the whole store in position order and checks every event's content and chain link (and
 * a kept digest, if given). `onProgress` hears after each page how far it got.
 */
export async function verifyStore(
  store: Store,
  options: { digest?: Digest | null; onProgress?: (progress: { checked: number; position: number }) => void; signal?: AbortSignal } = {},
): Promise<Verification> {
  const verification = startVerification(options.digest ?? null, await readErasureVouches(store));
  let after = 0n;
  for (;;) {
    options.signal?.throwIfAborted();
    // Events and retention tombstones, merged in position order (lib/integrity/tombstones.ts).
    const { rows, last } = await readMergedPage(store, after, PAGE);
    if (last === null) break;
    verifyPage(
      verification,
      rows.map((r) => (isTombstone(r) ? r : toVerifiedRow(r))),
    );
    after = last;
    options.onProgress?.({ checked: verification.checked, position: Number(after) });
    // Without it the server would neither send the progress nor answer anyone else until the end.
    await yieldToEventLoop();
  }
  return finishVerification(verification);
}

export interface EventCheck {
  /** still hashes to what was recorded when it was appended */
  content: boolean;
  /**
   * its link follows from the event before it, and the event after it links to it (so editing
   * this row and recomputing its own link still shows); null for an event appended before the
   * chain began
   */
  linked: boolean | null;
}

/**
 * The checks one event can have on its own: its content, and the links on either side of it.
 * (That nothing was removed or rewritten elsewhere takes the whole chain and a kept digest:
 * verifyStore.)
 */
export async function checkEvents(store: Store, rows: readonly StoredEvent[]): Promise<Map<number, EventCheck>> {
  const out = new Map<number, EventCheck>();
  for (const row of rows) {
    const content = contentMatches(row, row.contentHash);
    if (row.chainHash === null) {
      out.set(Number(row.position), { content, linked: null });
      continue;
    }
    const [before, after] = await Promise.all([
      store.db.storedEvent.findFirst({
        where: { position: { lt: row.position }, chainHash: { not: null } },
        orderBy: { position: "desc" },
        select: { chainHash: true },
      }),
      store.db.storedEvent.findFirst({ where: { position: { gt: row.position }, chainHash: { not: null } }, orderBy: { position: "asc" } }),
    ]);
    const own = chainLink(before?.chainHash ?? null, row) === row.chainHash;
    const next = after === null || chainLink(row.chainHash, after) === after.chainHash;
    out.set(Number(row.position), { content, linked: own && next });
  }
  return out;
}
