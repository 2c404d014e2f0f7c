import { DEFAULT_TIMEOUT_MS } from "./sessionize";

/** REWIND_SESSION_TIMEOUT_MINUTES (default 30): inactivity that ends a session. */
export function sessionTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.REWIND_SESSION_TIMEOUT_MINUTES;
  if (raw === undefined || raw === "") return DEFAULT_TIMEOUT_MS;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new Error(`REWIND_SESSION_TIMEOUT_MINUTES must be a positive number, got "${raw}"`);
  return Math.round(minutes * 60_000);
}
