import type { JourneyDefinition } from "../journeys/journey-definition";
import { serviceOf } from "../journeys/booking/booking-events";

/**
 * The service an event is shown under in a replay and its exports: the one its type names, unless
 * the journey does not believe it from that source (a "payment" from the search service): then
 * the source that sent it, so a forged event never sits in the payment lane. `fallback` names an
 * event of no known service.
 */
export function serviceLabel(definition: JourneyDefinition<unknown>, event: { type: string; source: string }, fallback: (source: string) => string): string {
  const believed = definition.trusts?.(event) ?? true;
  return (believed ? serviceOf(event.type) : null) ?? fallback(event.source);
}
