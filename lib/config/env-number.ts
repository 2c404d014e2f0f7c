export type Env = Record<string, string | undefined>;

/**
 * A positive number from the environment, or the default when unset. Anything else stops the
 * process with a message naming the variable: a mistyped limit must not silently become no limit.
 */
export function positiveFromEnv(env: Env, name: string, fallback: number, options: { integer?: boolean } = {}): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  const ok = options.integer ? Number.isInteger(value) && value > 0 : Number.isFinite(value) && value > 0;
  if (!ok) throw new Error(`${name} must be a positive ${options.integer ? "integer" : "number"}, got "${raw}"`);
  return value;
}
