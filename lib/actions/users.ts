"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { z } from "zod";
import { ApiError } from "../http/errors";
import { createLinkFor, revokeLink } from "../data/resume";
import { sealSearch } from "../data/customer-search";
import { requireViewer } from "../data/viewer";

const id = z.string().trim().min(1).max(200);

export type CreatedLink = { ok: true; url: string; expiresAt: string } | { ok: false; error: string };

/** An agent creates a resume link for a customer's unfinished journey (that session, or their latest). */
export async function createResumeLinkAction(userId: string, sessionId: string | null): Promise<CreatedLink> {
  const viewer = await requireViewer("resume-links.create");
  const [user, session] = z.tuple([id, id.nullable()]).parse([userId, sessionId]);
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host")}`;
  try {
    const link = await createLinkFor(viewer, user, session ?? undefined, origin);
    revalidatePath("/users/[userId]", "page");
    return { ok: true, url: link.url, expiresAt: link.expiresAt };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.message };
    throw error;
  }
}

export async function revokeResumeLinkAction(form: FormData) {
  const viewer = await requireViewer("resume-links.create");
  // `userId`: the customer's reference (the page never holds the raw id); revalidated by route.
  const [link] = z.tuple([id, id]).parse([form.get("linkId"), form.get("userId")]);
  await revokeLink(viewer, link).catch((error: unknown) => {
    if (!(error instanceof ApiError)) throw error;
  });
  revalidatePath("/users/[userId]", "page");
}

/**
 * The search box: the query goes to the results page sealed (`/users?q=…`), so what was typed (an
 * email, a name) is not in the URL, the history or a log. The results page does the search.
 */
export async function searchCustomersAction(form: FormData) {
  await requireViewer("users.find");
  const query = z.string().trim().max(200).catch("").parse(form.get("query"));
  redirect(query === "" ? "/users" : `/users?q=${await sealSearch(query)}`);
}
