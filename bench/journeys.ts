import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtInCatalog, catalogOf, type JourneyCatalog } from "../lib/journeys/catalog";
import { bookingJourney } from "../lib/journeys/booking/booking-journey";
import { dataJourney } from "../lib/journeys/definition/data-journey";
import { validateJourneyDocument } from "../lib/journeys/definition/definition-schema";
import { foldEvents, type JourneyDefinition } from "../lib/journeys/journey-definition";
import type { JourneyEvent } from "../lib/journeys/journey-event";
import { resolvePerson } from "../lib/sessions/person";
import { rebuildProjections } from "../lib/sessions/projector";
import { DEFAULT_TIMEOUT_MS, type SessionDraft, sessionize } from "../lib/sessions/sessionize";
import { simulateWorld } from "../lib/simulate/world";
import { fmt, median } from "./stats";
import { worldStore } from "./world-store";

const ROUNDS = 7;
const START = new Date("2026-06-01T00:00:00Z");
const NOW = Date.parse("2026-08-01T00:00:00Z");

/** The booking world's own events described as a JSON definition: the same events, folded by data instead of code. */
export function holidaysAsData(): JourneyDefinition<unknown> {
  const result = validateJourneyDocument(JSON.parse(readFileSync(join(__dirname, "holidays-as-data.json"), "utf8")));
  if (!result.ok) throw new Error(`bench/holidays-as-data.json: ${result.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
  return dataJourney(result.document) as JourneyDefinition<unknown>;
}

/** The reference world's sessions, formed once as the projector forms them: both journeys then fold exactly the same events. */
function worldSessions(users: number): { drafts: SessionDraft[]; events: number } {
  const world = simulateWorld({ users, days: 30, seed: "journeys", start: START }).sort((a, b) => a.deliveredAt - b.deliveredAt || a.seq - b.seq);
  const events: JourneyEvent[] = world.map(({ event: e }, i) => ({
    position: i + 1,
    type: e.type,
    source: e.source,
    subject: (e.subject as string | undefined) ?? null,
    time: Date.parse(e.time),
    userid: (e.userid as string | undefined) ?? null,
    anonymousid: (e.anonymousid as string | undefined) ?? null,
    sessionid: (e.sessionid as string | undefined) ?? null,
    correlationid: (e.correlationid as string | undefined) ?? null,
    causationid: (e.causationid as string | undefined) ?? null,
    data: e.data ?? null,
  }));
  // Whose each event is, as lib/sessions/project-in-memory.ts says: anonymous ids linked to users,
  // a service's own events (a payment, a confirmation) to the person whose flow they share.
  const links = new Map<string, string>();
  for (const e of events) if (e.userid && e.anonymousid && !links.has(e.anonymousid)) links.set(e.anonymousid, e.userid);
  const owners = new Map<string, string>();
  const lookup = { userOfAnonymous: (a: string) => links.get(a), ownerOfCorrelation: (c: string) => owners.get(c) };
  for (const e of events) {
    if (e.correlationid && !owners.has(e.correlationid) && (e.userid || e.anonymousid)) owners.set(e.correlationid, resolvePerson(e, lookup)!);
  }
  const byPerson = new Map<string, JourneyEvent[]>();
  for (const e of events) {
    const person = resolvePerson(e, lookup);
    if (person) byPerson.set(person, [...(byPerson.get(person) ?? []), e]);
  }
  const drafts = [...byPerson.values()].flatMap((list) => sessionize(list, { timeoutMs: DEFAULT_TIMEOUT_MS, now: NOW, boundary: bookingJourney.boundary }));
  return { drafts, events: drafts.reduce((n, d) => n + d.events.length, 0) };
}

/** Everything the projector asks of a journey per session: the fold, outcome, steps, dimensions, drop reason, facts, resume point. */
function foldAll(journey: JourneyDefinition<unknown>, drafts: readonly SessionDraft[]): number {
  let work = 0;
  for (const draft of drafts) {
    const state = foldEvents(journey, draft.events);
    const outcome = journey.outcome(state, draft.endReason === "open");
    work += journey.funnelReached(state).length + Object.keys(journey.dimensionValues(state, draft.events)).length;
    work += (journey.dropReason(state, outcome, draft.endReason) ?? "").length + Object.keys(journey.facts(state)).length;
    work += journey.resumePoint(state) ? 1 : 0;
  }
  return work;
}

/** Times `run(which)` for both, interleaved round by round with the order alternating, so neither always runs on a warmer or busier machine. */
async function interleaved(label: string, events: number, run: (which: "booking" | "data") => Promise<unknown> | unknown): Promise<number> {
  const times = { booking: [] as number[], data: [] as number[] };
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (["booking", "data"] as const) : (["data", "booking"] as const);
    for (const which of order) {
      const t = performance.now();
      await run(which);
      times[which].push(performance.now() - t);
    }
    ratios.push(times.booking[round]! / times.data[round]!);
    console.log(
      `  round ${round + 1}: booking ${fmt(times.booking[round]!)} ms · data definition ${fmt(times.data[round]!)} ms · ratio ${ratios[round]!.toFixed(3)}`,
    );
  }
  for (const which of ["booking", "data"] as const) {
    const m = median(times[which]);
    console.log(`median ${label} ${which === "booking" ? "booking fold:   " : "data definition:"} ${fmt(m)} ms (${fmt(events / (m / 1000))} events/s)`);
  }
  return median(ratios);
}

/** Shows both journeys read the same sessions alike (else a ratio would compare nothing), warming both up. */
function outcomesLine(journey: JourneyDefinition<unknown>, drafts: readonly SessionDraft[]): string {
  const outcomes = new Map<string, number>();
  for (const d of drafts) {
    const o = journey.outcome(foldEvents(journey, d.events), d.endReason === "open");
    outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
  }
  return `  ${journey.name}: ${[...outcomes].map(([o, n]) => `${fmt(n)} ${o}`).join(", ")}`;
}

/**
 * `npm run bench -- journeys [users]`: projection throughput of a data definition against the
 * built-in booking fold on the same events: the whole projector rebuilding the read models from
 * the store (the headline ratio, target at least 0.5), and the fold alone over the same sessions.
 */
export async function benchJourneys(args: string[]): Promise<void> {
  const users = Number(args[0] ?? 500);
  const data = holidaysAsData();
  const catalogs: Record<"booking" | "data", JourneyCatalog> = { booking: builtInCatalog, data: catalogOf([data]) };
  const dir = mkdtempSync(join(tmpdir(), "rewind-bench-journeys-"));
  try {
    const world = await worldStore(dir, "journeys", { users, seed: "journeys", start: START });
    console.log(`rebuild: the reference world, ${fmt(users)} users, ${fmt(world.events)} events, folded by each catalog`);
    const rebuildRatio = await interleaved("rebuild", world.events, (which) => rebuildProjections(world.store, { now: () => NOW, catalog: catalogs[which] }));
    const journeys = await world.store.db.session.groupBy({ by: ["journey", "outcome"], _count: { _all: true } });
    console.log(`  after the last rebuild: ${journeys.map((j) => `${j.journey} ${j.outcome} ${j._count._all}`).join(", ")}`);
    await world.store.db.$disconnect();

    const { drafts, events } = worldSessions(users);
    console.log(`fold: the same world's ${fmt(events)} events in ${fmt(drafts.length)} sessions, in memory`);
    console.log(outcomesLine(bookingJourney as JourneyDefinition<unknown>, drafts));
    console.log(outcomesLine(data, drafts));
    const foldRatio = await interleaved("fold", events, (which) =>
      foldAll(which === "booking" ? (bookingJourney as JourneyDefinition<unknown>) : data, drafts),
    );

    console.log(`ratio rebuild data/booking: ${rebuildRatio.toFixed(3)}`);
    console.log(`ratio fold data/booking: ${foldRatio.toFixed(3)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
