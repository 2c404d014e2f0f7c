import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateJourneyDocument } from "../lib/journeys/definition/definition-schema";
import { rebuildProjections } from "../lib/sessions/projector";
import { computeWhatIf } from "../lib/what-if/compute-what-if";
import { startBenchServer } from "./server";
import { fmt, median } from "./stats";
import { worldStore } from "./world-store";

const ROUNDS = 5;
const START = new Date("2026-06-01T00:00:00Z");
const NOW = Date.parse("2026-08-01T00:00:00Z");
const RANGE = { from: "2026-06-01", to: "2026-06-30" };
const KEY = "bench-what-if-service-key-0123456789";

/** The booking world described as data, above the built-in journey: it claims every booking session, the most a draft can concern. */
function draftDocument() {
  const result = validateJourneyDocument(JSON.parse(readFileSync(join(__dirname, "holidays-as-data.json"), "utf8")));
  if (!result.ok) throw new Error("bench/holidays-as-data.json is not a valid definition");
  return result.document;
}

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.99) - 1)]!;

/** /api/health, again and again, while the server runs a what-if of the draft: the latency it keeps. */
async function healthDuringWhatIf(url: string, port: number): Promise<void> {
  const server = await startBenchServer({ DATABASE_URL: url, REWIND_API_KEY: KEY }, port);
  try {
    const health = async () => {
      const started = performance.now();
      await (await fetch(`${server.url}/api/health`)).text();
      return performance.now() - started;
    };
    for (let i = 0; i < 20; i++) await health(); // warm: the route, the JIT
    // The server's projector catches up at start: measure once it has nothing left to fold.
    for (let i = 0; i < 600; i++) {
      const { projector } = (await (await fetch(`${server.url}/api/health`)).json()) as { projector?: { lag?: number } };
      if (projector?.lag === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const idle: number[] = [];
    for (let i = 0; i < 200; i++) idle.push(await health());
    const auth = { authorization: `Bearer ${KEY}`, "content-type": "application/json" };
    const started = performance.now();
    const post = await fetch(`${server.url}/api/journeys/what-if`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ definition: draftDocument(), ...RANGE }),
    });
    if (post.status !== 202) throw new Error(`POST /api/journeys/what-if answered ${post.status}: ${await post.text()}`);
    const { id } = (await post.json()) as { id: string };
    const during: number[] = [];
    let state = "running";
    while (state === "running") {
      during.push(await health());
      if (during.length % 10 === 0)
        state = ((await (await fetch(`${server.url}/api/journeys/what-if/${id}`, { headers: auth })).json()) as { state: string }).state;
    }
    const seconds = (performance.now() - started) / 1000;
    if (state !== "done") throw new Error(`the server's what-if ended ${state}`);
    console.log(`server: what-if ${state} in ${fmt(seconds, 1)} s; ${fmt(during.length)} health checks meanwhile`);
    console.log(
      `server: /api/health idle median ${fmt(median(idle), 1)} ms, p99 ${fmt(p99(idle), 1)} ms; ` +
        `during median ${fmt(median(during), 1)} ms, max ${fmt(Math.max(...during), 1)} ms`,
    );
    console.log(`peak server memory: ${fmt(server.peakMemoryMb())} MB`);
    console.log(`health p99 during what-if ms: ${p99(during).toFixed(1)}`);
  } finally {
    await server.stop();
  }
}

/**
 * `npm run bench -- what-if [users] [--port N]`: a what-if of a draft over the demo world (2,000
 * users, 30 days) against `projections rebuild` over the same events, in interleaved rounds (the
 * headline ratio rebuild time / what-if time, target at least 1: a what-if writes nothing); then,
 * on the production server, /api/health's p99 latency while the server runs one.
 */
export async function benchWhatIf(args: string[]): Promise<void> {
  const portAt = args.indexOf("--port");
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 3198;
  const users = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--port") ?? 2_000);
  const dir = mkdtempSync(join(tmpdir(), "rewind-bench-what-if-"));
  try {
    const world = await worldStore(dir, "what-if", { users, seed: "demo", start: START });
    console.log(`the demo world: ${fmt(users)} users over 30 days, ${fmt(world.events)} events`);
    await rebuildProjections(world.store, { now: () => NOW }); // the live read models a what-if compares with
    const draft = draftDocument();
    const times = { rebuild: [] as number[], whatIf: [] as number[] };
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (["rebuild", "whatIf"] as const) : (["whatIf", "rebuild"] as const);
      for (const which of order) {
        const t = performance.now();
        if (which === "rebuild") await rebuildProjections(world.store, { now: () => NOW });
        else if (!(await computeWhatIf(world.store, draft, RANGE, { now: () => NOW }))) throw new Error("the what-if stopped");
        times[which].push(performance.now() - t);
      }
      ratios.push(times.rebuild[round]! / times.whatIf[round]!);
      console.log(
        `  round ${round + 1}: rebuild ${fmt(times.rebuild[round]!)} ms · what-if ${fmt(times.whatIf[round]!)} ms · ratio ${ratios[round]!.toFixed(3)}`,
      );
    }
    for (const which of ["rebuild", "whatIf"] as const) {
      const m = median(times[which]);
      console.log(`median ${which === "rebuild" ? "projections rebuild" : "what-if            "}: ${fmt(m)} ms (${fmt(world.events / (m / 1000))} events/s)`);
    }
    await world.store.db.$disconnect();
    console.log(`ratio rebuild/what-if: ${median(ratios).toFixed(3)}`);
    await healthDuringWhatIf(world.url, port);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
