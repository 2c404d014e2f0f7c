import { MASK } from "../privacy/mask";

/**
 * A link to a customer's page from an answer that names them (a session, a search result): by
 * reference when the answer masked their id (it is personal, an email used as id), else by the
 * id. Pure, for server pages and client components alike.
 */
export function customerHref(userId: string, reference: string | null | undefined): string {
  return `/users/${encodeURIComponent(reference && userId.includes(MASK) ? reference : userId)}`;
}
