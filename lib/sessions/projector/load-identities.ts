import type { JourneyEvent } from "../../journeys/journey-event";
import * as rm from "../projection-store";
import { identityKeys, resolveIdentities, type ResolvedIdentities } from "./identities";
import type { PageContext } from "./page-context";

/** Phase "resolve identities and owners", with its reads and writes: known links and owners first. */
export async function resolveIdentitiesAndOwners(page: PageContext, events: readonly JourneyEvent[]): Promise<ResolvedIdentities> {
  const { tx, provider } = page;
  const keys = identityKeys(events);
  const links = await rm.loadLinks(tx, provider, keys.anonymousIds);
  const owners = await rm.loadOwners(tx, provider, keys.correlationIds);
  const resolved = resolveIdentities(events, links, owners);
  await rm.saveLinks(tx, provider, resolved.newLinks);
  await rm.saveOwners(tx, provider, resolved.newOwners);
  return resolved;
}
