import "server-only";
import type { Viewer } from "../access/viewer";
import { ApiError } from "../http/errors";
import { TokenBuckets } from "../rate-limit/token-buckets";
import { serverSecret } from "../auth/server-secret";
import { getStore } from "../db/prisma";
import { openQuery, sealQuery } from "../users/sealed-query";
import { userSearchRateLimit } from "../users/search-limit";
import { recordAccess } from "./audit";
import { getMasker } from "./privacy";
import { findUsers } from "./sessions";

const globalForSearch = globalThis as unknown as { rewindSearchBuckets?: TokenBuckets };

/** Refuses (429, with Retry-After) a search that takes this viewer over their rate; per server process. */
function checkSearchRate(viewer: Viewer, now = Date.now()): void {
  globalForSearch.rewindSearchBuckets ??= new TokenBuckets(userSearchRateLimit());
  const decision = globalForSearch.rewindSearchBuckets.take(`${viewer.kind}:${viewer.id}`, 1, now);
  if (!decision.allowed) {
    throw new ApiError("rate_limited", `too many customer searches; retry in ${decision.retryAfterSeconds} s`, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
}

/**
 * A customer search by a viewer. A settled search (submitted, not a suggestion while typing) is
 * on record: one audit event with the query masked whole (a name typed in is as personal as the
 * one it finds) and how many it found; suggestions are not, so typing is not a row per keystroke,
 * and opening a suggested customer is on record as a view of them.
 */
export async function searchCustomers(viewer: Viewer, query: string, options: { settled: boolean }) {
  checkSearchRate(viewer);
  const found = await findUsers(query);
  if (options.settled) {
    const masked = (await getMasker()).value(query.trim());
    const count = `${found.users.length}${found.more ? "+" : ""}`;
    await recordAccess(viewer, { action: "customer.searched", customer: null, target: `search “${masked}” (${count} found)` });
  }
  return found;
}

const searchSecret = () => serverSecret(getStore(), "user-search", undefined);

/** A search as the /users page's URL carries it (lib/users/sealed-query.ts). */
export async function sealSearch(query: string): Promise<string> {
  return sealQuery(await searchSecret(), query);
}

/** The search a /users URL carries; null for a token that does not open. */
export async function openSearch(token: string): Promise<string | null> {
  return openQuery(await searchSecret(), token);
}
