import type { JourneyEvent } from "../../journeys/journey-event";
import type { JourneyCatalog } from "../../journeys/catalog";
import { isAnonymousPerson, type PersonKey } from "../person";
import type { SearchTermRow } from "../projection-store";
import type { Assigned } from "./touched";

/**
 * The words support agents find users by, from this page: every user's own id, and the terms in
 * every event folded again, not only the page's (a flow event whose owner became known in this
 * page is searchable too, wherever the page boundaries fell). Visitors are not searchable.
 */
export function searchTermsOfPage(
  assigned: readonly Assigned[],
  personEvents: ReadonlyMap<PersonKey, JourneyEvent[]>,
  catalog: JourneyCatalog,
): SearchTermRow[] {
  const terms: SearchTermRow[] = [];
  for (const person of new Set(assigned.map((a) => a.person))) {
    if (!isAnonymousPerson(person)) terms.push([person.toLowerCase(), person, "user"]);
  }
  for (const [person, list] of personEvents) {
    if (isAnonymousPerson(person)) continue;
    for (const e of list) for (const { term, kind } of catalog.searchTermsOf(e)) terms.push([term, person, kind]);
  }
  return terms;
}
