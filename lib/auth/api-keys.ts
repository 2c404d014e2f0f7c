import type { Store } from "../db/prisma";
import { bearerToken, generateKey, hashesEqual, hashKey, keyPrefix, type KeyKind } from "./key-material";
import type { Permission } from "../access/roles";
import { EVERY_KEY_PERMISSION, readStoredKeyPermissions, type ServicePermission } from "./key-permissions";
import { readStoredKeyTypes, type KeyScope } from "./key-scope";

export interface Caller extends KeyScope {
  kind: KeyKind;
  name: string;
  /** unique per key: what rate limits count by */
  keyId: string;
  /** a producer key appends for this one source only (null: any source, the environment's key) */
  source: string | null;
  /** a producer key appends only types matching these patterns (null: any type) */
  types: readonly string[] | null;
  /** what a service key may read (a producer key reads nothing) */
  permissions: readonly Permission[];
}

/** Keys given in the environment (REWIND_INGEST_KEY, REWIND_API_KEY), hashed once. */
function environmentKeys(env: Record<string, string | undefined>): { hash: string; caller: Caller }[] {
  const keys: { hash: string; caller: Caller }[] = [];
  if (env.REWIND_INGEST_KEY) {
    keys.push({
      hash: hashKey(env.REWIND_INGEST_KEY),
      caller: { kind: "producer", name: "REWIND_INGEST_KEY", keyId: "env:REWIND_INGEST_KEY", source: null, types: null, permissions: [] },
    });
  }
  if (env.REWIND_API_KEY) {
    keys.push({
      hash: hashKey(env.REWIND_API_KEY),
      // The environment's service key does all it always did: a narrower key is made in the store.
      caller: { kind: "service", name: "REWIND_API_KEY", keyId: "env:REWIND_API_KEY", source: null, types: null, permissions: EVERY_KEY_PERMISSION },
    });
  }
  return keys;
}

/** Who holds the bearer key of this request, or null when it is missing, unknown or revoked. */
export async function identifyCaller(
  store: Store,
  authorization: string | null,
  env: Record<string, string | undefined> = process.env,
): Promise<Caller | null> {
  const token = bearerToken(authorization);
  if (!token) return null;
  const hash = hashKey(token);
  const fromEnv = environmentKeys(env).find((k) => hashesEqual(k.hash, hash));
  if (fromEnv) return fromEnv.caller;
  const row = await store.db.apiKey.findUnique({ where: { keyHash: hash } });
  if (!row || row.revokedAt !== null) return null;
  const kind = row.kind as KeyKind;
  const permissions = kind === "service" ? readStoredKeyPermissions(row.permissions) : [];
  return { kind, name: row.name, keyId: `key:${row.id}`, source: row.source, types: readStoredKeyTypes(row.types), permissions };
}

/** Creates a key and answers it: the only time the key itself is ever seen. */
export async function createApiKey(
  store: Store,
  kind: KeyKind,
  name: string,
  options: { source?: string | null; types?: readonly string[] | null; permissions?: readonly ServicePermission[] | null; createdBy?: string | null } = {},
): Promise<string> {
  const key = generateKey(kind);
  await store.db.apiKey.create({
    data: {
      kind,
      name,
      keyHash: hashKey(key),
      prefix: keyPrefix(key),
      createdAt: new Date(),
      source: kind === "producer" ? (options.source ?? null) : null,
      types: kind === "producer" && options.types ? JSON.stringify(options.types) : null,
      permissions: kind === "service" && options.permissions ? JSON.stringify(options.permissions) : null,
      createdBy: options.createdBy ?? null,
    },
  });
  return key;
}

export async function listApiKeys(store: Store) {
  return store.db.apiKey.findMany({
    orderBy: { id: "desc" },
    select: {
      id: true,
      name: true,
      kind: true,
      prefix: true,
      source: true,
      types: true,
      permissions: true,
      createdAt: true,
      createdBy: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
}

/** Revokes a key at once (the next request with it is 401); answers false for an unknown or revoked key. */
export async function revokeApiKey(store: Store, id: number): Promise<boolean> {
  const { count } = await store.db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}
