import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore, type Store } from "../../lib/db/prisma";
import { applyDefinition } from "../../lib/journey-store/apply-definition";
import { DefinitionConflictError, InvalidDefinitionError } from "../../lib/journey-store/definition-store";
import { resolveCatalogsFrom } from "../../lib/journey-store/journey-catalog";
import { seedDefinitions } from "../../lib/journey-store/seed";
import { exportJourney, listJourneys, showJourney } from "./journeys-read";
import { followGeneration } from "./journeys-progress";
import { checkWhatIfDraft, whatIf } from "./journeys-what-if";

const USAGE = "usage: journeys <apply <file.json> [--detach] | what-if <file.json> [--from D --to D] | list | show <name> | export <name>>";

/** `rewind journeys …`: apply a definition (a new version, folded into a new generation), or read them. */
export async function runJourneys(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { detach: { type: "boolean" }, from: { type: "string" }, to: { type: "string" } },
  });
  const [action, operand, ...rest] = positionals;
  const needsOperand = action === "apply" || action === "what-if" || action === "show" || action === "export";
  if (!action || !["apply", "what-if", "list", "show", "export"].includes(action) || needsOperand !== !!operand || rest.length > 0) throw new Error(USAGE);
  if (values.detach && action !== "apply") throw new Error(`--detach: only journeys apply takes it\n${USAGE}`);
  if ((values.from || values.to) && action !== "what-if") throw new Error(`--from, --to: only journeys what-if takes them\n${USAGE}`);
  // Read and checked before the store is opened: a bad file is the caller's mistake, nothing to migrate for.
  const text = action === "apply" || action === "what-if" ? readDefinitionFile(action, operand!) : "";
  const draft = action === "what-if" ? checkWhatIfDraft(operand!, text, { from: values.from, to: values.to }) : null;
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(target);
  const store = openStore(target);
  try {
    if (action === "apply") await apply(store, operand!, text, values.detach === true);
    else if (draft) {
      resolveCatalogsFrom(store);
      await whatIf(store, draft);
    } else {
      await seedDefinitions(store);
      if (action === "list") await listJourneys(store);
      else if (action === "show") await showJourney(store, operand!);
      else await exportJourney(store, operand!);
    }
  } finally {
    await store.db.$disconnect();
  }
}

function readDefinitionFile(action: string, file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`journeys ${action}: cannot read ${file} (${(error as { code?: string }).code ?? "error"})`);
  }
}

async function apply(store: Store, file: string, text: string, detach: boolean): Promise<void> {
  resolveCatalogsFrom(store);
  const result = await applyDefinition(store, text, "cli").catch((error: unknown) => {
    if (error instanceof DefinitionConflictError) throw new Error(`journeys apply: ${error.message}; nothing was stored`);
    if (!(error instanceof InvalidDefinitionError)) throw error;
    const lines = error.errors.map((e) => `  ${e.path}: ${e.message}`);
    throw new Error(`journeys apply: ${file} is not a valid journey definition; nothing was stored (${lines.length} error(s)):\n${lines.join("\n")}`);
  });
  if (!result.applied) {
    console.log(`Unchanged: ${result.unchanged.name} v${result.unchanged.version} is already this definition; nothing stored.`);
    return;
  }
  const { version, generation } = result;
  if (result.retried) console.log(`Retrying ${version.name} v${version.version}: its last build failed; nothing new stored.`);
  else console.log(`Stored ${version.name} v${version.version} (${version.summary}).`);
  if (detach) {
    console.log(`Generation ${generation.id} of the read models is being prepared; the server builds it and switches it in once it has caught up.`);
    return;
  }
  await followGeneration(store, generation.id);
}
