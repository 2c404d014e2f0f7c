import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const dir = process.env.REWIND_REALDATA ?? resolve(__dirname, "../../../shared/realdata");

/**
 * Whether the real-data tests are skipped: the folder (REWIND_REALDATA, else ../shared/realdata
 * beside the repository) is not there and the data is not required. The trivago samples have no
 * public licence, so they are not in the repository: a clone with nothing beside it skips their
 * tests (scripts/test.mjs says which, in one line). With
 * REWIND_REALDATA_REQUIRED=1 (set by .ci/run) they run anyway and fail in realDataDir, naming
 * the folder. docs/decisions.md, "Real data beside the repo, fixtures in it".
 */
export function realDataSkipped(): boolean {
  return !existsSync(join(dir, "README.md")) && !realDataRequired();
}

function realDataRequired(): boolean {
  return process.env.REWIND_REALDATA_REQUIRED === "1";
}

/** The real-data folder; throws, naming where it looked, when it is not there. */
export function realDataDir(): string {
  if (!existsSync(join(dir, "README.md"))) {
    const why = realDataRequired() ? "REWIND_REALDATA_REQUIRED=1 and " : "";
    throw new Error(`${why}real data not found at ${dir}: clone beside ../shared/realdata, or set REWIND_REALDATA to the folder`);
  }
  return dir;
}

/** OTTO's sessions (CC-BY-4.0), committed as a fixture: lib/testing/fixtures/README.md. */
export const OTTO_FIXTURE = join(__dirname, "fixtures", "otto-train.jsonl");

/** The CloudEvents conformance events (Apache-2.0), committed as a fixture. */
export const CONFORMANCE_FIXTURE = join(__dirname, "fixtures", "cloudevents-conformance");
