import "server-only";
import { maskDimensionRowsWith } from "../journeys/definition/personal-reads";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { getMasker } from "./privacy";

/**
 * A dimension's values (and labels) as they may leave the server: masked whole, like every
 * personal value, when its definition reads them from a personal path (analytics has no reveal,
 * so nobody sees them in clear here). A drill-down by a masked value then finds nothing: such a
 * dimension is better left out of a definition.
 */
export async function maskDimensionRows<T extends { value: string; label: string }>(
  journey: JourneyDefinition<unknown>,
  dimension: string,
  rows: T[],
): Promise<T[]> {
  if (!journey.document) return rows;
  return maskDimensionRowsWith(await getMasker(), journey.document, dimension, rows);
}
