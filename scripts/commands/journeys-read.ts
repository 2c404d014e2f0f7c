import type { Store } from "../../lib/db/prisma";
import { definitionHistory, readDefinition, RESERVED_NAMES } from "../../lib/journey-store/definition-store";
import { buildWords } from "../../lib/journey-store/build-status";
import { readJourneyBuilds } from "../../lib/journey-store/journey-builds";
import { listJourneySummaries } from "../../lib/journey-store/journey-list";

const when = (d: Date | null) => (d ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : "");

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** `journeys list`: every journey, in the order they claim events. */
export async function listJourneys(store: Store): Promise<void> {
  const rows = (await listJourneySummaries(store)).map((j) => [
    j.name,
    j.label,
    j.builtIn || !j.build ? "built-in" : `v${j.version}${j.build.state === "live" ? "" : ` (${buildWords(j.build)})`}`,
    String(j.priority),
    String(j.steps.length),
    j.changedBy ?? "",
    when(j.changedAt),
  ]);
  console.log(table([["NAME", "LABEL", "VERSION", "PRIORITY", "STEPS", "CHANGED BY", "CHANGED AT"], ...rows]));
}

function unknown(name: string): Error {
  const reserved = RESERVED_NAMES[name];
  return new Error(reserved ? `journey "${name}" is ${reserved.split(";")[0]}: it has no stored definition` : `no stored journey definition named "${name}"`);
}

/** `journeys show <name>`: the newest version's definition, then its history. */
export async function showJourney(store: Store, name: string): Promise<void> {
  const history = await definitionHistory(store, name);
  const head = history[0];
  if (!head) throw unknown(name);
  console.log(`${head.name} v${head.version}: ${head.document.label} (priority ${head.document.priority})`);
  const build = (await readJourneyBuilds(store)).find((b) => b.version.name === name)?.build;
  const words = build && buildWords(build);
  if (build?.state === "failed") {
    const live = build.liveVersion ? `v${build.liveVersion} stays live` : "no version of it is live";
    console.log(
      `v${head.version} failed to build (${build.error}) at event ${build.position ?? 0} of ${build.head ?? 0} (generation ${build.generation}); ${live}.`,
    );
    console.log(`Apply it unchanged to retry, or apply a fixed version.`);
  } else if (words) console.log(`v${head.version} ${words}.`);
  console.log("");
  console.log(head.source.trimEnd());
  console.log(`\nHistory:\n${table(history.map((v) => [`v${v.version}`, when(v.changedAt), v.changedBy, v.summary]))}`);
}

/** `journeys export <name>`: the newest version's JSON exactly as applied, to stdout. */
export async function exportJourney(store: Store, name: string): Promise<void> {
  const head = await readDefinition(store, name);
  if (!head) throw unknown(name);
  process.stdout.write(head.source.endsWith("\n") ? head.source : `${head.source}\n`);
}
