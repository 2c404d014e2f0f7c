import "server-only";
import { getReadStore } from "../db/read-store";
import { readPlaceNames } from "../eventstore/place-names";
import { codeLike, nameCodesIn } from "../journeys/place-label";

/** What the store calls the code-like values among these (one query, lib/eventstore/place-names.ts). */
export async function placesFor(values: Iterable<unknown>): Promise<Map<string, string>> {
  return readPlaceNames(getReadStore(), codeLike(values));
}

/** A record of words (a resume point's `chosen`) with its destination codes named as places. */
export async function namePlaces(record: Record<string, string>): Promise<Record<string, string>> {
  return nameCodesIn(record, await placesFor(Object.values(record)));
}
