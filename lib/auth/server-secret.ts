import { randomBytes } from "node:crypto";
import type { Store } from "../db/prisma";

const known = new WeakMap<Store, Map<string, string>>();

/** The key of the callers' HMACs in the shared rate limits (lib/db/shared-buckets.ts). */
export const RATE_BUCKET_SECRET = "rate-buckets";

/**
 * A secret every process of this store shares, generated on first use and kept in the database
 * (so `npm run demo` needs no setup, and the CLI, the server and a second server agree). An
 * environment value wins when given. Two processes racing to create it both read the winner's.
 */
export async function serverSecret(store: Store, name: string, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  // Read once per process: every replay block and resume link checks a signature with it.
  const cached = known.get(store)?.get(name);
  if (cached) return cached;
  const value = await readOrCreate(store, name);
  if (!known.has(store)) known.set(store, new Map());
  known.get(store)!.set(name, value);
  return value;
}

async function readOrCreate(store: Store, name: string): Promise<string> {
  const existing = await store.db.serverSecret.findUnique({ where: { name } });
  if (existing) return existing.value;
  // A unique-key failure means another process created it first: read theirs below.
  await store.db.serverSecret.create({ data: { name, value: randomBytes(32).toString("base64url"), createdAt: new Date() } }).catch(() => undefined);
  const row = await store.db.serverSecret.findUniqueOrThrow({ where: { name } });
  return row.value;
}
