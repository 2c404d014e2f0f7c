import { END_REASONS } from "../journeys/drop-reasons";

/**
 * How a session ended, in the words the work queue and the funnel's drop reasons use ("Inactive",
 * "Session expired"): the customer page said "timed out" and "expired" for the same endings.
 */
export function endReasonWord(reason: string): string {
  if (reason === "open") return "Still open";
  return END_REASONS.find((r) => r.key === reason)?.label ?? reason.replaceAll("_", " ");
}
