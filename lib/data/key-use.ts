import "server-only";
import type { Caller } from "../auth/api-keys";
import { recordKeyUse } from "../auth/key-last-used";
import { getStore } from "../db/prisma";
import { logLine } from "../privacy/log";

/**
 * Keeps the key's last-used time after its events were appended. Bookkeeping, not the ingest:
 * a failure is logged and swallowed, so the producer still gets its positions.
 */
export async function noteKeyUse(caller: Caller): Promise<void> {
  try {
    await recordKeyUse(getStore(), caller, new Date());
  } catch (error) {
    logLine("error", `could not record when ${caller.keyId} was last used (${error instanceof Error ? error.name : "unknown"})`);
  }
}
