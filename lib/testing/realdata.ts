import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * ../shared/realdata (beside the repository), or REWIND_REALDATA. The data is written by others
 * and not ours to copy into the repository, so tests read it where it lives.
 */
export function realDataDir(): string {
  const dir = process.env.REWIND_REALDATA ?? resolve(__dirname, "../../../shared/realdata");
  if (!existsSync(join(dir, "README.md"))) {
    throw new Error(`real data not found at ${dir}: clone beside ../shared, or set REWIND_REALDATA`);
  }
  return dir;
}
