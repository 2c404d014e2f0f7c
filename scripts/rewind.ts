// The `rewind` command line: `npm run rewind -- <command> [options]`.
import { runAlerts } from "./commands/alerts";
import { runErase } from "./commands/erase";
import { runExportCustomer } from "./commands/export-customer";
import { runImport } from "./commands/import";
import { runIntegrity } from "./commands/integrity";
import { runJourneys } from "./commands/journeys";
import { runKeys } from "./commands/keys";
import { runMigrate } from "./commands/migrate";
import { runPartitions } from "./commands/partitions";
import { runProjections } from "./commands/projections";
import { runRetention } from "./commands/retention";
import { runSimulate } from "./commands/simulate";
import { runUsers } from "./commands/users";

const COMMANDS: Record<string, { run: (args: string[]) => Promise<void>; help: string }> = {
  migrate: { run: runMigrate, help: "apply database migrations (DATABASE_URL)" },
  import: { run: runImport, help: "import [--format cloudevents|trivago-recsys2019|otto] <file>  append events from a file" },
  simulate: { run: runSimulate, help: "simulate --users N --days D --seed S  append the reference world" },
  projections: {
    run: runProjections,
    help: "projections <rebuild|catch-up|status|generations|rollback|discard <id>>  rebuild, catch up, list generations and their disk, roll back, discard",
  },
  keys: { run: runKeys, help: "keys create <producer|service> <name>  create an API key (shown once)" },
  integrity: {
    run: runIntegrity,
    help: "integrity <digest|verify [--digest D] [--archive <file>]>  the chain's digest, check every event against it, or check a purge's archive",
  },
  journeys: {
    run: runJourneys,
    help:
      "journeys <apply <file.json> [--detach] | what-if <file.json> [--from D --to D] | list | show <name> | export <name>>  " +
      "store a journey definition (re-folds), try one on history (writes nothing), or read them",
  },
  alerts: {
    run: runAlerts,
    help:
      "alerts <create --name <n> --journey <j> --step <key> [--drop-reason <key>] --after <minutes> [--webhook <url>] | " +
      "list | delete <id> | rotate-secret <id>>  " +
      "alerts on a stalled journey (the secret is shown once)",
  },
  retention: {
    run: runRetention,
    help: "retention <apply <file.json> | show | run [--dry-run]>  the retention policy: save a version, show it, archive and remove what is due",
  },
  partitions: {
    run: runPartitions,
    help: "partitions <list | detach --before YYYY-MM>  PostgreSQL's monthly partitions of the events; detach (and drop) those retention emptied",
  },
  users: {
    run: runUsers,
    help:
      "users <reset-password <email> | block <userid> --reason <r> | unblock <userid> | blocked>  " +
      "a temporary password for a dashboard user (shown once); block a user id from ingestion, unblock it, list the blocked",
  },
  erase: {
    run: runErase,
    help: 'erase <userid|reference> --reason "<ticket>"  takes one customer\'s personal data out of everything Rewind holds (cannot be undone)',
  },
  "export-customer": {
    run: runExportCustomer,
    help: "export-customer <userid|reference> [--out <file>]  everything held about one customer, one JSON file, unmasked (subject access)",
  },
};

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.log("usage: npm run rewind -- <command> [options]\n");
    for (const [n, c] of Object.entries(COMMANDS)) console.log(`  ${n.padEnd(9)} ${c.help}`);
    process.exit(name ? 2 : 0);
  }
  await command.run(args);
}

main().catch((error: unknown) => {
  console.error(`rewind: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
