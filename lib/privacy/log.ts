import { readFileSync } from "node:fs";
import pino, { type Logger } from "pino";
import { currentRequestId } from "../observability/request-id";
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

/**
 * One JSON object a line (pino): level, time (ISO), msg, and requestId inside a request. Errors
 * go to stderr, the rest to stdout, as before; written through process.stdout/stderr so a test
 * or a wrapper sees exactly what leaves. REWIND_LOG_LEVEL (default info) sets the least level kept.
 */
function createLogger(): Logger {
  const out = { write: (line: string) => process.stdout.write(line) };
  const err = { write: (line: string) => process.stderr.write(line) };
  return pino(
    {
      level: process.env.REWIND_LOG_LEVEL ?? "info",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.multistream(
      [
        { level: "debug", stream: out },
        { level: "error", stream: err },
      ],
      { dedupe: true },
    ),
  );
}

let logger: Logger | null = null;

export function logLine(level: LogLevel, message: string): void {
  logger ??= createLogger();
  const masker = logMasker();
  const requestId = currentRequestId();
  const fields = requestId ? { requestId: masker.text(requestId) } : {};
  logger[level === "success" ? "info" : level](fields, masker.text(message));
}
