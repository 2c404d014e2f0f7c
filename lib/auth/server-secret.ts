import { randomBytes } from "node:crypto";
import type { Store } from "../db/prisma";

/**
 * A secret every process of this store shares, generated on first use and kept in the database
 * (so `npm run demo` needs no setup, and the CLI, the server and a second server agree). An
 * environment value wins when given. Two processes racing to create it both read the winner's.
 */
export async function serverSecret(store: Store, name: string, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  const existing = await store.db.serverSecret.findUnique({ where: { name } });
  if (existing) return existing.value;
  // A unique-key failure means another process created it first: read theirs below.
  await store.db.serverSecret
    .create({ data: { name, value: randomBytes(32).toString("base64url"), createdAt: new Date() } })
    .catch(() => undefined);
  const row = await store.db.serverSecret.findUniqueOrThrow({ where: { name } });
  return row.value;
}
