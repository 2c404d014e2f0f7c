import { z } from "zod";
import { answerWithin } from "../db/answer-within";
import type { Store } from "../db/prisma";
import { readHeadPosition } from "../eventstore/read";
import { readCheckpointPosition } from "./dead-letters";
import { CHECKPOINT } from "./projector";

/**
 * Reading one's own append (issue 18). A client that appended up to position P asks to read at
 * least P (`?minPosition=P`): P is the projection checkpoint of the store that answers, so the
 * sessions and analytics it reads include that event. The replica answers when it has replayed the
 * primary that far; otherwise the primary does; and if even the primary's projector has not folded
 * that far, the request waits for it up to 5 s, then is refused (503 with Retry-After).
 */
export const MIN_POSITION_WAIT_MS = 5_000;
const POLL_MS = 50;

const minPositionSchema = z
  .string()
  .regex(/^\d{1,15}$/, "must be a whole number of at least 0 (an event's position)")
  .transform(Number);

export class InvalidMinPositionError extends Error {
  constructor(message: string) {
    super(`minPosition: ${message}`);
  }
}

/** Even the primary has not folded that far within the wait. */
export class NotCaughtUpError extends Error {
  constructor(
    readonly minPosition: number,
    readonly position: number,
  ) {
    super(`the read models have folded up to position ${position}, not yet ${minPosition}; retry shortly`);
  }
}

/** `minPosition` from a query string; null when absent. */
export function parseMinPosition(params: URLSearchParams): number | null {
  const raw = params.get("minPosition");
  if (raw === null) return null;
  const parsed = minPositionSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidMinPositionError(parsed.error.issues[0]!.message);
  return parsed.data;
}

const folded = (store: Store) => readCheckpointPosition(store, CHECKPOINT);

/** The store to read from for a request that must see at least `minPosition`. */
/** A replica that does not answer within this is passed over for the primary. */
const REPLICA_ANSWER_MS = 1_000;

export async function storeAtLeast(stores: { primary: Store; replica: Store | null }, minPosition: number, waitMs = MIN_POSITION_WAIT_MS): Promise<Store> {
  // A position past the newest event is no one's append: refused at once, not waited for.
  const head = await readHeadPosition(stores.primary);
  if (minPosition > head) throw new InvalidMinPositionError(`${minPosition} is past the newest event (position ${head})`);
  // A replica that does not answer, or not soon, is no reason to fail or hold a read the primary can serve.
  if (stores.replica && (await answerWithin(folded(stores.replica), REPLICA_ANSWER_MS, -1)) >= minPosition) return stores.replica;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const position = await folded(stores.primary);
    if (position >= minPosition) return stores.primary;
    if (Date.now() >= deadline) throw new NotCaughtUpError(minPosition, position);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
