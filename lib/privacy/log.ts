import { readFileSync } from "node:fs";
import { createMasker, type Masker } from "./mask";
import { policySchema } from "./policy";
import { policySeedFile } from "./policy-store";

/**
 * Server log lines go through the same masking as responses: personal data never reaches a log,
 * whatever a message quotes. Logging cannot wait for the database, so the patterns come from
 * the policy this process last read, or the seed file before it has read one.
 */
let seedMasker: Masker | null = null;

function logMasker(): Masker {
  const cached = (globalThis as unknown as { rewindMasker?: { masker: Masker } }).rewindMasker;
  if (cached) return cached.masker;
  seedMasker ??= createMasker(policySchema.parse(JSON.parse(readFileSync(policySeedFile(), "utf8"))));
  return seedMasker;
}

export type LogLevel = "info" | "warn" | "error" | "debug" | "success";

export function logLine(level: LogLevel, message: string): void {
  const line = `[rewind] ${logMasker().text(message)}`;
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}
