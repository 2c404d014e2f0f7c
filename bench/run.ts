// `npm run bench -- <name>`: benchmarks, each printing its medians and its ratio line.
import { benchAnalytics } from "./analytics";
import { benchExports } from "./exports";
import { benchIngest } from "./ingest";
import { benchIngestPg } from "./ingest-pg";
import { benchJourneys } from "./journeys";
import { benchMasking } from "./masking";
import { benchProjections } from "./projections";
import { benchReplay } from "./replay";
import { benchRetention } from "./retention";
import { benchScale } from "./scale";
import { benchSearch } from "./search";
import { benchWhatIf } from "./what-if";
import { benchWorkQueue } from "./work-queue";

const BENCHES: Record<string, (args: string[]) => Promise<void>> = {
  analytics: benchAnalytics,
  exports: benchExports,
  ingest: benchIngest,
  "ingest-pg": benchIngestPg,
  journeys: benchJourneys,
  masking: benchMasking,
  projections: benchProjections,
  replay: benchReplay,
  retention: benchRetention,
  scale: benchScale,
  search: benchSearch,
  "what-if": benchWhatIf,
  "work-queue": benchWorkQueue,
};

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const bench = name ? BENCHES[name] : undefined;
  if (!bench) {
    console.log(`usage: npm run bench -- <${Object.keys(BENCHES).join("|")}>`);
    process.exit(name ? 2 : 0);
  }
  await bench(args);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
