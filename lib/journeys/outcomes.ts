import { z } from "zod";
import type { SessionOutcome } from "./journey-definition";

/** The four outcomes every API answers, whatever the journey calls them. */
export const OUTCOMES = ["completed", "abandoned", "browsed", "live"] as const satisfies readonly SessionOutcome[];

/**
 * An outcome as a parameter: the four words, and `booked` for `completed` (the word the booking
 * journey's pages and links used before every journey had outcomes).
 */
export const outcomeParam = z.preprocess((value) => (value === "booked" ? "completed" : value), z.enum(OUTCOMES));
