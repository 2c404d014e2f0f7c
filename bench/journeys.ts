import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bookingJourney } from "../lib/journeys/booking/booking-journey";
import { dataJourney } from "../lib/journeys/definition/data-journey";
import { validateJourneyDocument } from "../lib/journeys/definition/definition-schema";
import { foldEvents, type JourneyDefinition } from "../lib/journeys/journey-definition";
import type { JourneyEvent } from "../lib/journeys/journey-event";
import { resolvePerson } from "../lib/sessions/person";
import { DEFAULT_TIMEOUT_MS, type SessionDraft, sessionize } from "../lib/sessions/sessionize";
import { simulateWorld } from "../lib/simulate/world";
import { fmt, median } from "./stats";

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

/** `npm run bench -- journeys [users]`: a data definition's fold against the built-in booking fold, on the same sessions. */
export async function benchJourneys(args: string[]): Promise<void> {
  const users = Number(args[0] ?? 2_000);
  const data = holidaysAsData();
  const { drafts, events } = worldSessions(users);
  console.log(`journeys: the reference world, ${fmt(users)} users, ${fmt(events)} events in ${fmt(drafts.length)} sessions`);
  const times = { booking: [] as number[], data: [] as number[] };
  const ratios: number[] = [];
  // Warm both up before timing, and show they read the same sessions alike (else the ratio compares nothing).
  for (const journey of [bookingJourney as JourneyDefinition<unknown>, data]) {
    foldAll(journey, drafts);
    const outcomes = new Map<string, number>();
    for (const d of drafts) {
      const o = journey.outcome(foldEvents(journey, d.events), d.endReason === "open");
      outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
    }
    console.log(`  ${journey.name}: ${[...outcomes].map(([o, n]) => `${fmt(n)} ${o}`).join(", ")}`);
  }
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, the order alternating, so neither fold always runs on a warmer or a busier machine.
    const order = round % 2 === 0 ? (["booking", "data"] as const) : (["data", "booking"] as const);
    const took: Record<string, number> = {};
    for (const which of order) {
      const t = performance.now();
      foldAll(which === "booking" ? (bookingJourney as JourneyDefinition<unknown>) : data, drafts);
      took[which] = performance.now() - t;
    }
    times.booking.push(took.booking!);
    times.data.push(took.data!);
    ratios.push(took.booking! / took.data!);
    console.log(
      `  round ${round + 1}: booking fold ${fmt(took.booking!)} ms · data definition ${fmt(took.data!)} ms · ratio ${(took.booking! / took.data!).toFixed(3)}`,
    );
  }
  console.log(`median booking fold:    ${fmt(median(times.booking))} ms (${fmt(events / (median(times.booking) / 1000))} events/s)`);
  console.log(`median data definition: ${fmt(median(times.data))} ms (${fmt(events / (median(times.data) / 1000))} events/s)`);
  console.log(`ratio fold data/booking: ${median(ratios).toFixed(3)}`);
}
