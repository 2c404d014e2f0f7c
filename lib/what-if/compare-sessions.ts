import type { FoldedSession, PersonFold, SessionView } from "./fold-person";

/** How a session differs between the current fold and the draft's. */
export type ChangeKind = "changed" | "split" | "merged" | "new" | "gone";

/** A session of the draft's journey (in either fold) beside its counterpart in the other fold. */
export interface SessionComparison {
  kind: ChangeKind | "same";
  /** the draft session's first position, or the current one's when the draft has none */
  firstPosition: number;
  current: FoldedSession | null;
  draft: FoldedSession | null;
}

const sameView = (a: SessionView, b: SessionView) =>
  a.outcome === b.outcome && a.outcomeLabel === b.outcomeLabel && a.lastStep === b.lastStep && a.stepsReached === b.stepsReached;

/** For each session of `sessions`, the indices of the `others` sessions holding any of its events. */
function overlaps(sessions: readonly FoldedSession[], others: readonly FoldedSession[]): Set<number>[] {
  const owner = new Map<number, number>();
  others.forEach((s, i) => {
    for (const p of s.positions) owner.set(p, i);
  });
  return sessions.map((s) => new Set(s.positions.map((p) => owner.get(p)).filter((i): i is number => i !== undefined)));
}

/**
 * One person's sessions in the two folds, matched by their first event (pure). A draft session
 * holding events of several current sessions is "merged"; one of several draft sessions cut from
 * one current session is "split"; a matched pair that folds differently (journey, outcome, its
 * label, last step, steps reached) is "changed"; a draft session with no current session at its
 * first event is "new", a current one left with no draft session "gone". Only the sessions the
 * draft concerns (folded through: `view` set, lib/what-if/fold-person.ts) are compared.
 */
export function compareSessions(fold: PersonFold): SessionComparison[] {
  const { current, draft } = fold;
  const currentOfDraft = overlaps(draft, current);
  const draftOfCurrent = overlaps(current, draft);
  const currentAt = new Map(current.map((s, i) => [s.firstPosition, i]));
  const out: SessionComparison[] = [];
  const matched = new Set<number>();
  draft.forEach((d, j) => {
    const exact = currentAt.get(d.firstPosition);
    // The current session holding the draft's first event: the one it came from.
    const from = exact ?? [...currentOfDraft[j]!][0];
    const c = from === undefined ? null : current[from]!;
    if (from !== undefined) matched.add(from);
    if (!d.view) return;
    let kind: SessionComparison["kind"];
    if (currentOfDraft[j]!.size > 1) kind = "merged";
    else if (from !== undefined && draftOfCurrent[from]!.size > 1) kind = "split";
    else if (exact === undefined) kind = "new";
    else kind = c!.journey !== d.journey || !c!.view || !sameView(c!.view, d.view) ? "changed" : "same";
    out.push({ kind, firstPosition: d.firstPosition, current: c, draft: d });
  });
  current.forEach((c, i) => {
    // Every event of a current session is in some draft session, so one left unmatched went into a
    // merged draft session, compared above; "gone" is for one whose events no draft session holds.
    if (matched.has(i) || !c.view || draftOfCurrent[i]!.size > 0) return;
    out.push({ kind: "gone", firstPosition: c.firstPosition, current: c, draft: null });
  });
  return out;
}
