import "server-only";
import type { JourneyCatalog } from "../journeys/catalog";
import { journeyByName } from "../journeys/registry";
import { bookingJourney } from "../journeys/booking/booking-journey";
import type { JourneyDefinition } from "../journeys/journey-definition";

// TEMPORARY until branch h1's liveCatalog() is merged: the built-in journeys only.
export async function analyticsCatalog(): Promise<Pick<JourneyCatalog, "journeys" | "byName">> {
  return {
    journeys: [bookingJourney as JourneyDefinition<unknown>],
    byName: (name) => (name === "generic" || name === bookingJourney.name ? journeyByName(name) : null),
  };
}
