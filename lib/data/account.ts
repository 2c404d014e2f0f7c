import "server-only";
import { headers } from "next/headers";
import { changeOwnPassword as change } from "../auth/dashboard-users";
import { getStore } from "../db/prisma";

export { WrongPasswordError } from "../auth/dashboard-users";

/** The signed-in user's new password; Better Auth's nextCookies plugin sets this browser's new cookie. */
export async function changeOwnPassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
  await change(getStore(), await headers(), userId, currentPassword, newPassword);
}
