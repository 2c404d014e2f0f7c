import { createHash } from "node:crypto";
import type { JourneyEvent } from "../journeys/journey-event";
import type { SessionDraft } from "./sessionize";

/**
 * A session's id when the producer gave none: derived from its earliest-appended event (lowest
 * position). Late events always have higher positions, so they never change a session's id;
 * and a rebuild derives the very ids the incremental projector did.
 */
export function deriveSessionId(events: readonly Pick<JourneyEvent, "position">[], person: string): string {
  const first = events.reduce((min, e) => Math.min(min, e.position), Number.POSITIVE_INFINITY);
  return `s_${createHash("sha1").update(`${person}\u0000${first}`).digest("base64url").slice(0, 16)}`;
}

export interface PreviousSession {
  id: string;
  startedAt: number;
  positions: ReadonlySet<number>;
}

export interface IdAssignment {
  ids: string[];
  /** ids that no longer name a session of their own, and the session that now holds their events */
  aliases: { alias: string; target: string }[];
}

/**
 * Ids for freshly folded sessions: the producer's session id, or one derived from the session's
 * earliest-appended event, so a merge keeps the id of the session that existed first and a
 * rebuild gives the same ids. Previous sessions whose id disappears (merged into another) become
 * aliases of the session that now holds their events, so a link pasted into a ticket still resolves.
 */
export function assignSessionIds(
  previous: readonly PreviousSession[],
  drafts: readonly SessionDraft[],
  person: string,
  /** ids held by sessions outside this fold (another person's, or outside the window) */
  heldElsewhere: (id: string) => boolean = () => false,
): IdAssignment {
  const taken = new Set<string>();
  const ids = drafts.map((draft) => {
    // A producer id already in use names its first session only; a repeat is told apart by its
    // earliest-appended event, so the suffix does not depend on what else is folded with it.
    const producer = draft.producerSessionId;
    const first = draft.events.reduce((min, e) => Math.min(min, e.position), Number.POSITIVE_INFINITY);
    const id = producer === null ? deriveSessionId(draft.events, person) : taken.has(producer) || heldElsewhere(producer) ? `${producer}~${first}` : producer;
    taken.add(id);
    return id;
  });
  const holder = new Map<number, string>();
  for (const [i, draft] of drafts.entries()) for (const e of draft.events) holder.set(e.position, ids[i]!);
  const aliases: { alias: string; target: string }[] = [];
  for (const p of previous) {
    if (taken.has(p.id)) continue;
    const target = [...p.positions].map((pos) => holder.get(pos)).find((t) => t !== undefined);
    if (target) aliases.push({ alias: p.id, target });
  }
  return { ids, aliases };
}
