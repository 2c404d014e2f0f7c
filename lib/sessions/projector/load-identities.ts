import type { JourneyEvent } from "../../journeys/journey-event";
import * as rm from "../projection-store";
import { identityKeys, resolveIdentities, type ResolvedIdentities } from "./identities";
import type { PageContext } from "./page-context";

/** Phase "resolve identities and owners", with its reads and writes: known links and owners first. */
export async function resolveIdentitiesAndOwners(page: PageContext, events: readonly JourneyEvent[]): Promise<ResolvedIdentities> {
  const keys = identityKeys(events);
  const links = await rm.loadLinks(page, keys.anonymousIds);
  const owners = await rm.loadOwners(page, keys.correlationIds);
  const resolved = resolveIdentities(events, links, owners);
  await rm.saveLinks(page, resolved.newLinks);
  await rm.saveOwners(page, resolved.newOwners);
  return resolved;
}
