import { builtInCatalog } from "../../journeys/catalog";
import type { JourneyEvent } from "../../journeys/journey-event";
import { assignReferences } from "../../users/user-references";
import { isAnonymousPerson, type PersonKey } from "../person";
import * as rm from "../projection-store";
import type { ProjectorOptions } from "./options";
import type { PageContext } from "./page-context";
import { searchTermsOfPage } from "./search-terms";
import type { Assigned, Dirty } from "./touched";

/** Phase "write read models" (the users): the words agents search by, references, summaries. */
export async function writeUsers(
  page: PageContext,
  touched: { dirty: ReadonlyMap<PersonKey, Dirty>; assigned: readonly Assigned[] },
  personEvents: ReadonlyMap<PersonKey, JourneyEvent[]>,
  options: ProjectorOptions,
): Promise<void> {
  const { tx, provider } = page;
  await rm.saveSearchTerms(tx, provider, searchTermsOfPage(touched.assigned, personEvents, options.catalog ?? builtInCatalog));
  const users = [...touched.dirty.keys()].filter((p) => !isAnonymousPerson(p));
  // A user id seen for the first time gets its reference here, with the sessions that show it.
  await assignReferences(tx, provider, users);
  if (options.deferredUsers) for (const u of users) options.deferredUsers.add(u);
  else await rm.refreshUserSummaries(tx, provider, users);
}
