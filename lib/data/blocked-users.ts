import "server-only";
import type { Viewer } from "../access/viewer";
import { serverSecret } from "../auth/server-secret";
import { getStore } from "../db/prisma";
import { blockUser, listBlockedUsers, unblockUser } from "../users/blocked-users";
import { openQuery, sealQuery } from "../users/sealed-query";
import { recordAccess } from "./audit";
import { referencesFor } from "./customers";
import { getMasker } from "./privacy";

/** A blocked user id as the page shows it: masked when personal, with its reference; `token` names it to the unblock action. */
export interface BlockedUserRow {
  token: string;
  userId: string;
  reference: string | null;
  reason: string;
  blockedBy: string;
  blockedAt: Date;
}

// The unblock button names its row by a sealed token, not the user id: the page never sends the id (an email, maybe) to the browser.
const rowSecret = () => serverSecret(getStore(), "blocked-users", undefined);

export async function listBlockedUserRows(): Promise<BlockedUserRow[]> {
  const [rows, masker, secret] = await Promise.all([listBlockedUsers(getStore()), getMasker(), rowSecret()]);
  const references = await referencesFor(rows.map((r) => r.userId));
  return rows.map((r) => ({
    token: sealQuery(secret, r.userId),
    userId: masker.attribute("userid", r.userId),
    reference: references.get(r.userId) ?? null,
    // Free text an admin typed (a ticket may quote an email): through the patterns like any other.
    reason: masker.text(r.reason),
    blockedBy: r.blockedBy,
    blockedAt: r.blockedAt,
  }));
}

type UserViewer = Extract<Viewer, { kind: "user" }>;

/** Blocks a user id; on record (who, whose, the reason), as every change to what Rewind keeps. */
export async function blockUserFromDashboard(admin: UserViewer, userId: string, reason: string): Promise<{ already: boolean }> {
  const result = await blockUser(getStore(), { userId, reason, blockedBy: admin.email });
  await recordAccess(admin, { action: "ingest-block.added", customer: userId, target: "blocked from ingestion", reason });
  return result;
}

/** Unblocks the row a token names; false for a token that does not open or a row gone already. */
export async function unblockUserByToken(admin: UserViewer, token: string): Promise<boolean> {
  const userId = openQuery(await rowSecret(), token);
  if (userId === null || !(await unblockUser(getStore(), userId))) return false;
  await recordAccess(admin, { action: "ingest-block.removed", customer: userId, target: "unblocked from ingestion" });
  return true;
}
