import "server-only";
import { ApiError } from "../http/errors";
import { getStore } from "../db/prisma";
import { readHeadPosition } from "../eventstore/read";
import { formatDigest, type Digest } from "../integrity/chain";
import { describeErasure, describeProblem, type Verification } from "../integrity/verify";
import { claimVerification } from "../integrity/verify-lock";
import { currentDigest, verifyStore } from "../integrity/verify-store";

export interface DigestAnswer {
  /** rewind-digest:v1:<position>:<link>, or null before the first chained event */
  digest: string | null;
  position: number | null;
  link: string | null;
  /** the newest event in the store (chained or not) */
  head: number;
}

export async function getDigest(): Promise<DigestAnswer> {
  const store = getStore();
  const [digest, head] = await Promise.all([currentDigest(store), readHeadPosition(store)]);
  return { digest: digest ? formatDigest(digest) : null, position: digest?.position ?? null, link: digest?.link ?? null, head };
}

export interface VerificationAnswer {
  ok: boolean;
  checked: number;
  unchained: number;
  /** events removed by a retention purge, each with its tombstone: not missing */
  purged: number;
  /** events whose personal data an erasure took out, vouched for by its record */
  erased: number;
  /** each erasure record that vouched, by its position, with how many events and in words */
  erasures: { record: number; events: number; message: string }[];
  head: string | null;
  digest: { given: string; matched: boolean } | null;
  problemCount: number;
  problems: { kind: string; position: number; message: string }[];
}

export function toVerificationAnswer(v: Verification, given: Digest | null): VerificationAnswer {
  return {
    ok: v.problemCount === 0,
    checked: v.checked,
    unchained: v.unchained,
    purged: v.purged,
    erased: v.erased,
    erasures: v.erasures.map((e) => ({ ...e, message: describeErasure(e) })),
    head: v.head ? formatDigest(v.head) : null,
    digest: given ? { given: formatDigest(given), matched: v.digestMatched } : null,
    problemCount: v.problemCount,
    problems: v.problems.map((p) => ({ kind: p.kind, position: p.position, message: describeProblem(p) })),
  };
}

/**
 * The whole store checked, as a stream of NDJSON lines: `{"progress":{checked,position,head}}`
 * after each page, then `{"result":…}` (or `{"error":…}` if the read fails midway: the status
 * line has gone by then). A client that goes away stops the read. One at a time across every node
 * (lib/integrity/verify-lock.ts): another is refused with 409.
 */
export async function verificationStream(given: Digest | null): Promise<ReadableStream<Uint8Array>> {
  const lock = await claimVerification(getStore());
  if (!lock) throw new ApiError("conflict", "a verification is already running (on this node or another): try again when it ends");
  let released: Promise<void> | null = null;
  const release = () => (released ??= lock.release().catch(() => undefined));
  const stop = new AbortController();
  const encoder = new TextEncoder();
  return new ReadableStream({
    // Not awaited: a stream is not read until start() settles, and the progress is the point.
    start(controller) {
      const line = (value: unknown) => {
        if (!stop.signal.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      };
      const run = async () => {
        try {
          const store = getStore();
          const head = await readHeadPosition(store);
          line({ progress: { checked: 0, position: 0, head } });
          const v = await verifyStore(store, {
            digest: given,
            signal: stop.signal,
            onProgress: (p) => {
              void lock.renew().catch(() => undefined);
              line({ progress: { ...p, head } });
            },
          });
          line({ result: toVerificationAnswer(v, given) });
        } catch (error) {
          line({ error: { message: error instanceof Error ? error.message : "verification failed" } });
        } finally {
          // Freed before the stream ends: a client that starts the next one on reading the result is not refused.
          await release();
          if (!stop.signal.aborted) controller.close();
        }
      };
      void run();
    },
    cancel() {
      stop.abort();
      void release();
    },
  });
}
