import { chainLink, contentMatches, type Digest, type StoredContent } from "./chain";
import { vouchingRecord, type Vouch, type Vouches } from "./erasure-vouches";
import { foldTombstone, isTombstone, type TombstoneRow } from "./tombstones";

export interface VerifiedRow extends StoredContent {
  position: number;
  stream: string;
  streamVersion: number;
  recordedAt: Date;
  occurredAt: Date;
  contentHash: string;
  chainHash: string | null;
}

export type IntegrityProblem =
  | { kind: "content"; position: number }
  | { kind: "chain"; position: number }
  | { kind: "unchained"; position: number }
  | { kind: "digest"; position: number; expected: string; found: string | null };

export interface Verification {
  /** events read */
  checked: number;
  /** events appended before the chain began: their content is checked, their order cannot be */
  unchained: number;
  /** events a retention purge removed, each with its tombstone (lib/integrity/tombstones.ts): not missing */
  purged: number;
  /** events whose personal data an erasure took out, each vouched for by its erasure record */
  erased: number;
  /** per erasure record (its position): how many events it vouched for */
  erasures: { record: number; events: number; afterDigest: boolean }[];
  /** the position of the digest given, if any: a record after it vouching for an event before it is not anchored by it */
  anchor: number | null;
  /** what the erasure records in the store say (lib/integrity/erasure-vouches.ts) */
  vouches: Vouches;
  /** the last link seen, to continue the chain with */
  previous: string | null;
  chainStarted: boolean;
  head: Digest | null;
  digest: Digest | null;
  digestMatched: boolean;
  problems: IntegrityProblem[];
  /** problems found, including those past the list's limit */
  problemCount: number;
}

const PROBLEMS_KEPT = 50;

export function startVerification(digest: Digest | null = null, vouches: Vouches = new Map()): Verification {
  return {
    checked: 0,
    unchained: 0,
    purged: 0,
    erased: 0,
    erasures: [],
    anchor: digest?.position ?? null,
    vouches,
    previous: null,
    chainStarted: false,
    head: null,
    digest,
    digestMatched: false,
    problems: [],
    problemCount: 0,
  };
}

/**
 * An event whose content no longer hashes to what it was appended with: erased, when an erasure
 * record vouches for exactly what it holds now; otherwise a changed event. An erasure may have
 * rewritten its stream or extensions, which its own link covers: the record then vouches for the
 * link it followed, so a removal or insertion before it still shows, and the next event's link
 * vouches for its own.
 */
function foldErased(v: Verification, row: VerifiedRow): Vouch | null {
  const vouch = vouchingRecord(v.vouches, row.position, row.contentHash, row);
  if (vouch === null) return null;
  const record = vouch.record;
  v.erased += 1;
  // The chain after a kept digest is not anchored by it: anyone able to write the database could
  // append a record there. Such an erasure is flagged, to be checked against its ticket.
  const afterDigest = v.anchor !== null && record > v.anchor && row.position <= v.anchor;
  const known = v.erasures.find((e) => e.record === record);
  if (known) {
    known.events += 1;
    known.afterDigest ||= afterDigest;
  } else v.erasures.push({ record, events: 1, afterDigest });
  return vouch;
}

function report(v: Verification, problem: IntegrityProblem) {
  v.problemCount += 1;
  if (v.problems.length < PROBLEMS_KEPT) v.problems.push(problem);
}

/**
 * Folds a page of events (in position order, continuing the previous page) into the verification.
 * After a broken link it carries on from the stored link, so each problem is reported where it is
 * rather than once for everything after it.
 */
export function verifyPage(v: Verification, rows: readonly (VerifiedRow | TombstoneRow)[]): Verification {
  for (const row of rows) {
    if (isTombstone(row)) {
      foldTombstone(v, row);
      continue;
    }
    v.checked += 1;
    if (v.digest && !v.digestMatched && row.position > v.digest.position) {
      report(v, { kind: "digest", position: v.digest.position, expected: v.digest.link, found: null });
      v.digest = null;
    }
    const intact = contentMatches(row, row.contentHash);
    const erased = intact ? null : foldErased(v, row);
    if (!intact && !erased) report(v, { kind: "content", position: row.position });
    if (row.chainHash === null) {
      if (v.chainStarted) report(v, { kind: "unchained", position: row.position });
      else v.unchained += 1;
      continue;
    }
    const link = chainLink(v.previous, row);
    // An erased event's stream or extensions may have changed, which its stored link covers: its
    // record's link, recomputed here from the same previous link, binds all of it instead.
    const linked = link === row.chainHash || (erased !== null && erased.previous === v.previous && erased.link === link);
    if (!linked) report(v, { kind: "chain", position: row.position });
    v.chainStarted = true;
    v.previous = row.chainHash;
    v.head = { position: row.position, link: row.chainHash };
    if (v.digest && row.position === v.digest.position) {
      if (row.chainHash === v.digest.link) v.digestMatched = true;
      else {
        report(v, { kind: "digest", position: row.position, expected: v.digest.link, found: row.chainHash });
        // One digest, one problem: the events after it must not report it again as "not held".
        v.digest = null;
      }
    }
  }
  return v;
}

/** The end of the store: a digest past its last event means events were removed from its end. */
export function finishVerification(v: Verification): Verification {
  // A digest already reported was set aside (v.digest null), even past the kept list's limit.
  if (v.digest && !v.digestMatched) {
    report(v, { kind: "digest", position: v.digest.position, expected: v.digest.link, found: null });
  }
  return v;
}

export function describeErasure(e: { record: number; events: number; afterDigest?: boolean }): string {
  const said = `${e.events} ${e.events === 1 ? "event" : "events"} erased by the erasure record at position ${e.record}`;
  return e.afterDigest ? `${said}, appended after the digest you gave to events before it: check it against its erasure request` : said;
}

export function describeProblem(p: IntegrityProblem): string {
  switch (p.kind) {
    case "content":
      return `event ${p.position} no longer hashes to what was recorded when it was appended: its content was changed`;
    case "chain":
      return `the chain breaks at event ${p.position}: an event before it was removed, inserted or reordered, or its stored stream, version or time changed`;
    case "unchained":
      return `event ${p.position} has no chain link although events before it have: it was not appended through Rewind`;
    case "digest":
      return p.found === null
        ? `the digest names event ${p.position}, which the store does not hold: events were removed up to or past it, or the digest is not from this store`
        : `the digest does not match the store at event ${p.position}: the chain up to it was rewritten, ` +
            "or the digest was copied wrong or taken from another store";
  }
}
