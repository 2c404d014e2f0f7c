import { progressWords } from "./progress-line";

/** The live generation is "behind" once the first event it has not folded has waited this long. */
export const BEHIND_AFTER_MS = 5_000;

export interface NoticeInput {
  /** how far the live generation has folded, and the newest position */
  position: number;
  head: number;
  /** when the first event it has not folded was recorded (null: none) */
  oldestUnfoldedAt: Date | null;
  now: number;
  /** the generation being built, if any: how far it has folded */
  building: { position: number } | null;
}

/**
 * What pages say about the read models they show, in plain words: that they are behind the store
 * (for more than a moment: a page right after an append is not "behind"), and that a new version
 * is being prepared, with its progress. Empty when neither holds.
 */
export function readModelNotices(input: NoticeInput): string[] {
  const notices: string[] = [];
  const fmt = (n: number) => n.toLocaleString("en-US");
  const waited = input.oldestUnfoldedAt ? input.now - input.oldestUnfoldedAt.getTime() : 0;
  if (input.head > input.position && waited >= BEHIND_AFTER_MS) {
    notices.push(`Showing sessions up to event ${fmt(input.position)} of ${fmt(input.head)}; the newest are still being folded.`);
  }
  if (input.building) {
    notices.push(
      `Preparing a new version of the read models: ${progressWords(input.building.position, input.head)}; pages show the current one until it is ready.`,
    );
  }
  return notices;
}
