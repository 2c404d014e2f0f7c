import type { IncomingEvent } from "./cloud-event";

/**
 * An event refused because its user id is blocked from ingestion (lib/users/blocked-users.ts).
 * The message names the event by its index and id and gives the admin's reason; never the user
 * id, which is personal data (an email used as id) and would travel back in the answer and logs.
 */
export class BlockedUserError extends Error {
  constructor(
    readonly index: number,
    readonly id: string,
    readonly reason: string,
  ) {
    super(`event ${index} (id "${id}"): its user id is blocked: ${reason}`);
    this.name = "BlockedUserError";
  }
}

/** The first event whose user id is in the block list (user id → reason), or null. */
export function firstBlocked(events: readonly Pick<IncomingEvent, "id" | "userid">[], blocked: ReadonlyMap<string, string>): BlockedUserError | null {
  if (blocked.size === 0) return null;
  for (let index = 0; index < events.length; index++) {
    const { id, userid } = events[index]!;
    const reason = userid === null ? undefined : blocked.get(userid);
    if (reason !== undefined) return new BlockedUserError(index, id, reason);
  }
  return null;
}
