/**
 * Where a retention purge's removed events stand among the events that remain. The player counts
 * and seeks in remaining events only (the scrubber, the keys, the notes' seq), so a gap is placed
 * after the remaining event before it (-1: before the first) and is never a playhead position.
 * Pure, with no imports: the player's client bundle takes it too.
 */
export interface RemovedRow {
  seq: number;
  position: number;
  type: string;
  occurredAt: string;
  rule: string;
  purgedAt: string;
}

export interface GapRow {
  /** index, among the remaining events, of the one the gap follows; -1 before the first */
  after: number;
  /** its position in the store, kept by its tombstone: a key for the row */
  position: number;
  type: string;
  /** when the removed event happened (its tombstone keeps it), so the list can say where in time it was */
  occurredAt: string;
  rule: string;
  purgedAt: string;
}

/** The gaps, in session order, from the removed events' seqs in the session as it was folded. */
export function gapRows(removed: readonly RemovedRow[]): GapRow[] {
  const sorted = [...removed].sort((a, b) => a.seq - b.seq);
  return sorted.map((r, k) => ({ after: r.seq - k - 1, position: r.position, type: r.type, occurredAt: r.occurredAt, rule: r.rule, purgedAt: r.purgedAt }));
}

export type TimelineRow = { kind: "event"; index: number } | { kind: "gap"; gap: GapRow };

/** The list the event list draws: each remaining event, with the gaps between them where they were. */
export function timelineRows(events: number, gaps: readonly GapRow[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let g = 0;
  for (; g < gaps.length && gaps[g]!.after < 0; g++) rows.push({ kind: "gap", gap: gaps[g]! });
  for (let index = 0; index < events; index++) {
    rows.push({ kind: "event", index });
    for (; g < gaps.length && gaps[g]!.after <= index; g++) rows.push({ kind: "gap", gap: gaps[g]! });
  }
  // A gap after the last event the list knows (a live tail not yet loaded) still shows.
  for (; g < gaps.length; g++) rows.push({ kind: "gap", gap: gaps[g]! });
  return rows;
}

/** "Removed by retention: search.* kept 90 days (retention policy v3), 19 Jun 2026 03:00 UTC" */
export function gapWords(gap: Pick<GapRow, "rule" | "purgedAt">): string {
  const d = new Date(gap.purgedAt);
  const day = d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const time = d.toISOString().slice(11, 16);
  return `Removed by retention: ${gap.rule}, ${day} ${time} UTC`;
}
