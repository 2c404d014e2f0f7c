import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const dir = process.env.REWIND_REALDATA ?? resolve(__dirname, "../../../shared/realdata");

/**
 * Whether ../shared/realdata (beside the repository) or REWIND_REALDATA is there. The trivago
 * samples are written by others under no public licence, so they are not copied into the
 * repository: a clone with nothing beside it skips their tests (scripts/test.mjs says so in one
 * line). CI has them and must run them: there, absent data is a failure, not a skip.
 */
export function realDataAvailable(): boolean {
  const found = existsSync(join(dir, "README.md"));
  if (!found && process.env.CI) throw new Error(`real data not found at ${dir}: CI runs the real-data tests (set REWIND_REALDATA)`);
  return found;
}

export function realDataDir(): string {
  if (!realDataAvailable()) throw new Error(`real data not found at ${dir}: clone beside ../shared, or set REWIND_REALDATA`);
  return dir;
}

/** OTTO's sessions (CC-BY-4.0), committed as a fixture: lib/testing/fixtures/README.md. */
export const OTTO_FIXTURE = join(__dirname, "fixtures", "otto-train.jsonl");

/** The CloudEvents conformance events (Apache-2.0), committed as a fixture. */
export const CONFORMANCE_FIXTURE = join(__dirname, "fixtures", "cloudevents-conformance");
