import { catalogOfDocuments } from "../journey-store/journey-catalog";
import { builtInCatalog, catalogOf, type JourneyCatalog } from "../journeys/catalog";
import type { JourneyDefinition } from "../journeys/journey-definition";

/**
 * The built-in journeys and this definition's, whose fold throws on events of `type`: handed to a
 * generation's build as its catalog, it makes the build fail midway, as a bad definition would.
 */
export function catalogFailingOn(definitionText: string, type: string): JourneyCatalog {
  const document = JSON.parse(definitionText) as { name: string };
  const journey = catalogOfDocuments([document as never]).byName(document.name)!;
  const breaking: JourneyDefinition<unknown> = {
    ...journey,
    evolve: (state, event) => {
      if (event.type === type) throw new TypeError("a fold that cannot read this event");
      return journey.evolve(state, event);
    },
  };
  return catalogOf([...builtInCatalog.journeys, breaking]);
}
