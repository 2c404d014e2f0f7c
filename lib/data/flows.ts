import "server-only";
import { getReadStore } from "../db/read-store";
import { liveCatalog } from "./catalog";
import { readEventAt, readFeed } from "../eventstore/read";
import { atPosition, positionAddress } from "../explorer/event-address";
import { toJourneyEvent } from "../eventstore/journey-events";
import { toCloudEventJson, type CloudEventJson } from "../eventstore/to-cloud-event";
import { layOutFlow, type Flow, type FlowInput } from "../flows/flow";
import { checkEvents, type EventCheck } from "../integrity/verify-store";
import { compareJourneyEvents } from "../journeys/journey-event";
import type { Masker } from "../privacy/mask";
import { maskCloudEvent, maskJourneyEvent } from "../privacy/mask-events";
import { sessionsOverlapping } from "../sessions/read-sessions";
import { referencesFor } from "./customers";
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
  /** the correlation id masked (it may hold an email), for display */
  correlationId: string;
  /** what the flow's URL names it by: the id when it is not personal, else `@<position>` of its first event */
  key: string;
  /** whether the correlation id is personal (a filter link by it would put it in a URL) */
  personal: boolean;
  /** the customers it concerns: the id masked when personal, and the reference links use */
  customers: { userId: string; reference: string | null }[];
  /** the customers' raw user ids: for the audit record only, never rendered */
  auditCustomers: string[];
  flow: Flow<FlowEvent>;
  /** where the business flow stands after all its events, in the journey's words */
  status: string;
  /** more events carry this correlation id than the page shows */
  truncated: boolean;
  /** the customers' sessions the flow happened in, to replay it from their side */
  sessions: { id: string; userId: string; userReference: string | null; startedAt: string; outcome: string }[];
}

/** A flow named by its correlation id or by the position of one of its events (`@1234`). */
export async function getFlowAt(address: string): Promise<FlowView | null> {
  const position = positionAddress(address);
  if (position === null) return getFlow(address);
  const event = await readEventAt(getReadStore(), position);
  return event?.correlationid ? getFlow(event.correlationid) : null;
}

function maskFlowEvent(masker: Masker, event: FlowEvent): FlowEvent {
  const orNull = (v: string | null) => (v === null ? null : masker.text(v));
  return {
    ...event,
    eventId: masker.text(event.eventId),
    source: masker.text(event.source),
    type: masker.text(event.type),
    causationid: orNull(event.causationid),
    userid: orNull(event.userid),
  };
}

/** One business flow across services, from the store, masked: null when no event carries the id. */
export async function getFlow(correlationId: string): Promise<FlowView | null> {
  const store = getReadStore();
  const rows = await readFeed(store, { after: 0, limit: FLOW_LIMIT + 1, filter: { correlationid: correlationId } });
  if (rows.length === 0) return null;
  const shown = rows.slice(0, FLOW_LIMIT);
  const [masker, checks, catalog] = await Promise.all([getMasker(), checkEvents(store, shown), liveCatalog()]);
  const journeyEvents = shown.map(toJourneyEvent);
  const definition = catalog.journeyOf([...journeyEvents].sort(compareJourneyEvents));
  let state = definition.initialState();
  for (const e of [...journeyEvents].sort(compareJourneyEvents)) state = definition.evolve(state, e);
  const events = shown.map(
    (row, i): FlowEvent => ({
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
    }),
  );
  // Laid out on the ids as stored (two ids that mask alike must not link), masked afterwards.
  const raw = layOutFlow(events);
  const sessions =
    raw.startedAt === null || raw.endedAt === null
      ? []
      : (await Promise.all(raw.users.map((u) => sessionsOverlapping(store, u, new Date(raw.startedAt!), new Date(raw.endedAt!))))).flat();
  const references = await referencesFor([...raw.users, ...sessions.map((s) => s.userId)]);
  const personal = masker.text(correlationId) !== correlationId;
  const flow = {
    ...raw,
    services: raw.services.map(masker.text),
    users: raw.users.map((u) => masker.attribute("userid", u)),
    steps: raw.steps.map((step) => ({
      ...step,
      causeMissing: step.causeMissing === null ? null : masker.text(step.causeMissing),
      event: maskFlowEvent(masker, step.event),
    })),
  };
  return {
    correlationId: masker.text(correlationId),
    key: personal ? atPosition(Number(shown[0]!.position)) : correlationId,
    personal,
    customers: raw.users.map((u) => ({ userId: masker.attribute("userid", u), reference: references.get(u) ?? null })),
    auditCustomers: raw.users,
    flow,
    status: masker.text(definition.lastStep(state)),
    truncated: rows.length > FLOW_LIMIT,
    sessions: sessions.map((s) => ({
      id: s.id,
      userId: masker.attribute("userid", s.userId!),
      userReference: references.get(s.userId!) ?? null,
      startedAt: s.startedAt.toISOString(),
      outcome: s.outcome,
    })),
  };
}
