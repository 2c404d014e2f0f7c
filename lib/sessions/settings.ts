import { positiveFromEnv, type Env } from "../config/env-number";
import { DEFAULT_TIMEOUT_MS } from "./sessionize";

/** REWIND_SESSION_TIMEOUT_MINUTES (default 30): inactivity that ends a session. */
export function sessionTimeoutMs(env: Env = process.env): number {
  return Math.round(positiveFromEnv(env, "REWIND_SESSION_TIMEOUT_MINUTES", DEFAULT_TIMEOUT_MS / 60_000) * 60_000);
}
