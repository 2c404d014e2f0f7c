// `npm run lint`: Biome (lint and format, biome.json) over the tree, then the line length Biome
// cannot enforce itself: it never breaks a string or a comment. docs/decisions.md, "Biome for lint
// and format". Exits non-zero when either finds something.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const MAX_COLUMNS = 160;
// Source files as git knows them (a fresh clone has nothing else). Vendored fixtures stay as
// published, and an applied migration may not change at all (lib/db/migrate.ts refuses it).
const CHECKED = /\.(ts|tsx|mts|mjs|js|css|prisma)$/;
const SKIPPED = /^(lib\/generated|prisma\/generated|prisma\/migrations|lib\/testing\/fixtures)\//;

const biome = spawnSync(join(root, "node_modules/.bin/biome"), ["ci", "--error-on-warnings", "."], { cwd: root, stdio: "inherit" });

const files = spawnSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
  .stdout.split("\0")
  .filter((file) => CHECKED.test(file) && !SKIPPED.test(file));
const long = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(join(root, file), "utf8");
  } catch {
    continue; // deleted in the work tree, not yet in git
  }
  text.split("\n").forEach((line, i) => {
    const columns = [...line].length;
    if (columns > MAX_COLUMNS) long.push(`${file}:${i + 1} is ${columns} characters`);
  });
}
if (long.length > 0) console.error(`Lines over ${MAX_COLUMNS} characters (${long.length}):\n${long.map((l) => `  ${l}`).join("\n")}`);
else console.log(`No line over ${MAX_COLUMNS} characters in ${files.length} files.`);

process.exit(biome.status === 0 && long.length === 0 ? 0 : 1);
