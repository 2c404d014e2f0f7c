/**
 * A business flow (one correlation id) laid out for an auditor: which services took part, what
 * each did in event-time order, what caused what, and where the record shows the usual traces of
 * a distributed system (deliveries that arrived late, events appended out of event-time order).
 * Pure: the page reads the events, this shapes them.
 */
export interface FlowInput {
  position: number;
  eventId: string;
  source: string;
  type: string;
  /** event time (epoch ms) */
  time: number;
  /** when the store recorded it (epoch ms) */
  recordedAt: number;
  causationid: string | null;
  userid: string | null;
}

export interface FlowStep<E extends FlowInput> {
  event: E;
  /** index into `services` */
  lane: number;
  /** index into `steps` of the event that caused this one; null when none is named */
  causedBy: number | null;
  /** a causation id naming no event of this flow (an event of another flow, or one never received) */
  causeMissing: string | null;
  /**
   * How long after the store had already recorded an event that happened later this one was
   * recorded, when that is more than LATE_AFTER_MS: a late delivery. (Against the flow's own
   * events rather than the clock, so a flow imported in one go long after it happened is not late.)
   */
  lateByMs: number | null;
  /** appended after an event that happened later: the store's order and the event-time order differ here */
  outOfOrder: boolean;
}

export interface Flow<E extends FlowInput> {
  /** sources in the order they first act */
  services: string[];
  /** in event-time order (ties: append order) */
  steps: FlowStep<E>[];
  users: string[];
  startedAt: number | null;
  endedAt: number | null;
}

/** Recorded this long after something that happened later counts as a late delivery. */
export const LATE_AFTER_MS = 60_000;

export function layOutFlow<E extends FlowInput>(events: readonly E[]): Flow<E> {
  const ordered = [...events].sort((a, b) => a.time - b.time || a.position - b.position);
  const services: string[] = [];
  const indexOfId = new Map<string, number>();
  ordered.forEach((e, i) => {
    if (!services.includes(e.source)) services.push(e.source);
    // Ids are unique per source; a flow rarely repeats one across sources, and then the first wins.
    if (!indexOfId.has(e.eventId)) indexOfId.set(e.eventId, i);
  });
  // Out of order: some event appended before this one (lower position) happened after it.
  const byPosition = [...ordered].sort((a, b) => a.position - b.position);
  const outOfOrder = new Set<number>();
  let latestSoFar = -Infinity;
  for (const e of byPosition) {
    if (e.time < latestSoFar) outOfOrder.add(e.position);
    latestSoFar = Math.max(latestSoFar, e.time);
  }
  // For each event, the earliest recording of any event that happened strictly later.
  const laterRecorded: number[] = new Array(ordered.length).fill(Infinity);
  let soonest = Infinity;
  for (let i = ordered.length - 1; i >= 0; i--) {
    let j = i;
    while (j >= 0 && ordered[j]!.time === ordered[i]!.time) j--;
    for (let k = i; k > j; k--) laterRecorded[k] = soonest;
    for (let k = i; k > j; k--) soonest = Math.min(soonest, ordered[k]!.recordedAt);
    i = j + 1;
  }
  const steps = ordered.map((event, i): FlowStep<E> => {
    const cause = event.causationid;
    const causedBy = cause !== null && cause !== event.eventId ? (indexOfId.get(cause) ?? null) : null;
    const late = event.recordedAt - laterRecorded[i]!;
    return {
      event,
      lane: services.indexOf(event.source),
      causedBy,
      causeMissing: cause !== null && cause !== event.eventId && causedBy === null ? cause : null,
      lateByMs: late > LATE_AFTER_MS ? late : null,
      outOfOrder: outOfOrder.has(event.position),
    };
  });
  const users = [...new Set(ordered.map((e) => e.userid).filter((u): u is string => u !== null))];
  return {
    services,
    steps,
    users,
    startedAt: ordered[0]?.time ?? null,
    endedAt: ordered.at(-1)?.time ?? null,
  };
}
