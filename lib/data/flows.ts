import "server-only";
import { getStore } from "../db/prisma";
import { readFeed } from "../eventstore/read";
import { toJourneyEvent } from "../eventstore/journey-events";
import { toCloudEventJson, type CloudEventJson } from "../eventstore/to-cloud-event";
import { layOutFlow, type Flow, type FlowInput } from "../flows/flow";
import { checkEvents, type EventCheck } from "../integrity/verify-store";
import { compareJourneyEvents } from "../journeys/journey-event";
import { journeyFor } from "../journeys/registry";
import type { Masker } from "../privacy/mask";
import { maskCloudEvent, maskJourneyEvent } from "../privacy/mask-events";
import { sessionsOverlapping } from "../sessions/read-sessions";
import { getMasker } from "./privacy";

/** The most events a flow page shows; a booking flow has a dozen or so. */
export const FLOW_LIMIT = 500;

export interface FlowEvent extends FlowInput {
  /** the event in plain words, masked */
  description: string;
  /** the event as stored, masked */
  json: CloudEventJson;
  /** its content and chain link, checked now */
  integrity: EventCheck;
}

export interface FlowView {
  /** masked, like everything here but `customers` */
  correlationId: string;
  /** the user ids as stored, for the audit record: server-side only, never rendered */
  customers: string[];
  flow: Flow<FlowEvent>;
  /** where the business flow stands after all its events, in the journey's words */
  status: string;
  /** more events carry this correlation id than the page shows */
  truncated: boolean;
  /** the customers' sessions the flow happened in, to replay it from their side */
  sessions: { id: string; userId: string; startedAt: string; outcome: string }[];
}

function maskFlowEvent(masker: Masker, event: FlowEvent): FlowEvent {
  const orNull = (v: string | null) => (v === null ? null : masker.text(v));
  return { ...event, eventId: masker.text(event.eventId), source: masker.text(event.source), type: masker.text(event.type), causationid: orNull(event.causationid), userid: orNull(event.userid) };
}

/** One business flow across services, from the store, masked: null when no event carries the id. */
export async function getFlow(correlationId: string): Promise<FlowView | null> {
  const store = getStore();
  const rows = await readFeed(store, { after: 0, limit: FLOW_LIMIT + 1, filter: { correlationid: correlationId } });
  if (rows.length === 0) return null;
  const shown = rows.slice(0, FLOW_LIMIT);
  const [masker, checks] = await Promise.all([getMasker(), checkEvents(store, shown)]);
  const definition = journeyFor(new Set(shown.map((r) => r.type)));
  const journeyEvents = shown.map(toJourneyEvent);
  let state = definition.initialState();
  for (const e of [...journeyEvents].sort(compareJourneyEvents)) state = definition.evolve(state, e);
  const events = shown.map((row, i): FlowEvent => ({
    position: Number(row.position),
    eventId: row.eventId,
    source: row.source,
    type: row.type,
    time: row.occurredAt.getTime(),
    recordedAt: row.recordedAt.getTime(),
    causationid: row.causationid,
    userid: row.userid,
    description: masker.text(definition.describe(maskJourneyEvent(masker, journeyEvents[i]!))),
    json: maskCloudEvent(masker, toCloudEventJson(row)),
    integrity: checks.get(Number(row.position))!,
  }));
  // Laid out on the ids as stored (two ids that mask alike must not link), masked afterwards.
  const raw = layOutFlow(events);
  const sessions =
    raw.startedAt === null || raw.endedAt === null
      ? []
      : (await Promise.all(raw.users.map((u) => sessionsOverlapping(store, u, new Date(raw.startedAt!), new Date(raw.endedAt!))))).flat();
  const flow = {
    ...raw,
    services: raw.services.map(masker.text),
    users: raw.users.map(masker.text),
    steps: raw.steps.map((step) => ({
      ...step,
      causeMissing: step.causeMissing === null ? null : masker.text(step.causeMissing),
      event: maskFlowEvent(masker, step.event),
    })),
  };
  return {
    correlationId: masker.text(correlationId),
    customers: raw.users,
    flow,
    status: masker.text(definition.lastStep(state)),
    truncated: rows.length > FLOW_LIMIT,
    sessions: sessions.map((s) => ({ id: s.id, userId: masker.text(s.userId!), startedAt: s.startedAt.toISOString(), outcome: s.outcome })),
  };
}
