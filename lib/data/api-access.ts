import "server-only";
import { ApiError } from "../api/errors";
import { identifyCaller, type Caller } from "../auth/api-keys";
import type { KeyKind } from "../auth/key-material";
import { getStore } from "../db/prisma";

/**
 * The HTTP API always needs a key: producer keys append and nothing else, service keys read and
 * never append. A missing or unknown key is 401; a key of the wrong kind is 403.
 */
export async function requireKey(request: Request, kind: KeyKind): Promise<Caller> {
  const caller = await identifyCaller(getStore(), request.headers.get("authorization"));
  if (!caller) {
    throw new ApiError("unauthorized", "a valid API key is required: send Authorization: Bearer <key>");
  }
  if (caller.kind !== kind) {
    throw new ApiError(
      "forbidden",
      kind === "producer" ? "this key may read but not append; use a producer key" : "a producer key may only append",
      { keyKind: caller.kind, required: kind },
    );
  }
  return caller;
}
