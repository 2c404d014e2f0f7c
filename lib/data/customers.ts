import "server-only";
import { ApiError } from "../http/errors";
import { getReadStore } from "../db/read-store";
import type { Masker } from "../privacy/mask";
import { referencesOf, resolveCustomer, type CustomerRef } from "../users/user-references";
import { getMasker } from "./privacy";

export type { CustomerRef };

/** The customer a path or a body names, by user id or by reference; null for nobody. */
export async function findCustomer(idOrReference: string): Promise<CustomerRef | null> {
  const store = getReadStore();
  return resolveCustomer(store.db, store.target.provider, idOrReference);
}

/**
 * The same for an API: nobody is a 404 (`because`: what there is not, e.g. "has no unfinished
 * journey to resume") naming what was asked masked: an email used as an id must not come back in
 * clear in an error either.
 */
export async function requireCustomer(idOrReference: string, because = "is not a customer Rewind has seen"): Promise<CustomerRef> {
  const found = await findCustomer(idOrReference);
  if (found) return found;
  const asked = (await getMasker()).text(idOrReference);
  throw new ApiError("not_found", `user "${asked}" ${because}`, { userId: asked });
}

/** The references of these user ids (the projector gave every user id it saw one). */
export async function referencesFor(userIds: readonly (string | null)[]): Promise<ReadonlyMap<string, string>> {
  const store = getReadStore();
  return referencesOf(
    store.db,
    store.target.provider,
    userIds.filter((id): id is string => id !== null),
  );
}

/** A customer as answers name them: the id through the policy's detectors, and the reference. */
export function customerJson(customer: CustomerRef, masker: Masker) {
  return { userId: masker.attribute("userid", customer.userId), reference: customer.reference };
}

/** What a URL names a customer by: the reference when the id is itself personal, else the id. */
export function customerKey(customer: CustomerRef, masker: Masker): string {
  return masker.attribute("userid", customer.userId) !== customer.userId ? customer.reference : customer.userId;
}
