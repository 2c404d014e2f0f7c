import { createHash } from "node:crypto";
import type { JourneyEvent } from "../journeys/journey-event";
import type { SessionDraft } from "./sessionize";

/** A session's id when the producer gave none: derived from its first event, so it is stable. */
export function deriveSessionId(first: Pick<JourneyEvent, "source" | "position">, person: string): string {
  return `s_${createHash("sha1").update(`${person}\u0000${first.source}\u0000${first.position}`).digest("base64url").slice(0, 16)}`;
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
 * Keeps session ids stable when sessions are folded again (late events, merges, splits): a new
 * session takes the id of the earliest previous session it shares an event with; the other
 * previous sessions it absorbed become aliases of it, so a link pasted into a ticket still
 * resolves. A session with no predecessor gets the producer's id or one derived from its first event.
 */
export function assignSessionIds(previous: readonly PreviousSession[], drafts: readonly SessionDraft[], person: string): IdAssignment {
  const byPosition = new Map<number, PreviousSession>();
  for (const p of previous) for (const pos of p.positions) byPosition.set(pos, p);
  const taken = new Set<string>();
  const ids: string[] = [];
  const aliases: { alias: string; target: string }[] = [];
  const claimedBy = new Map<string, string>();

  for (const draft of drafts) {
    const predecessors = [...new Set(draft.events.map((e) => byPosition.get(e.position)).filter((p): p is PreviousSession => !!p))].sort(
      (a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1),
    );
    const inherited = predecessors.find((p) => !taken.has(p.id));
    let id = inherited?.id ?? draft.producerSessionId ?? deriveSessionId(draft.events[0]!, person);
    for (let n = 2; taken.has(id); n++) id = `${draft.producerSessionId ?? deriveSessionId(draft.events[0]!, person)}~${n}`;
    taken.add(id);
    ids.push(id);
    for (const p of predecessors) if (!claimedBy.has(p.id)) claimedBy.set(p.id, id);
  }
  for (const p of previous) {
    if (taken.has(p.id)) continue;
    const target = claimedBy.get(p.id);
    if (target) aliases.push({ alias: p.id, target });
  }
  return { ids, aliases };
}
