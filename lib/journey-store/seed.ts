import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../db/prisma";
import { checkDefinitionText, type DefinitionVersion, saveDefinition } from "./definition-store";

/** The folder the first definitions are seeded from (REWIND_JOURNEYS_DIR overrides it). */
export function journeysSeedDir(env: Record<string, string | undefined> = process.env): string {
  // Read at run time from the working directory, not bundled: turbopackIgnore keeps the build from tracing the project.
  return env.REWIND_JOURNEYS_DIR || join(/* turbopackIgnore: true */ process.cwd(), "journeys");
}

/** The seed files: `*.json` directly in the folder (journeys/examples/ is not seeded), by file name. */
export function seedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => entry.name)
    .sort();
}

/**
 * On a store with no stored definition, stores each seed file as version 1 ("seed (journeys/shop.json)").
 * Once anything is stored the folder is not read again: a file added later is stored with
 * `journeys apply`. Every file is checked before any is stored: one invalid file stores none
 * and throws naming the file and each error's path. Answers what it stored.
 */
export async function seedDefinitions(store: Store, dir = journeysSeedDir()): Promise<DefinitionVersion[]> {
  if ((await store.db.journeyDefinitionVersion.count()) > 0) return [];
  const files = seedFiles(dir).map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
  const names = new Map<string, string>();
  for (const { file, text } of files) {
    const checked = checkDefinitionText(text);
    if (!checked.ok) throw new Error(`journey seed ${file}: ${checked.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
    const other = names.get(checked.document.name);
    if (other) throw new Error(`journey seed ${file}: the name "${checked.document.name}" is also ${other}'s`);
    names.set(checked.document.name, file);
  }
  const stored: DefinitionVersion[] = [];
  for (const { file, text } of files) {
    // Another process seeding at the same moment makes this insert fail on its key: its rows stand.
    const result = await saveDefinition(store, text, `seed (${join(dir, file).split("/").slice(-2).join("/")})`).catch(() => null);
    if (result?.saved) stored.push(result.version);
  }
  return stored;
}
