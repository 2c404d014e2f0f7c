import type { JourneyDefinition, Labelled } from "./journey-definition";

/** The end reasons every journey's drop-offs may have, when none of its own drop reasons matched. */
export const END_REASONS: readonly Labelled[] = [
  { key: "timed_out", label: "Inactive" },
  { key: "signed_out", label: "Signed out" },
  { key: "expired", label: "Session expired" },
  { key: "superseded", label: "Another session took over" },
];

/** Every drop reason a session of this journey can have: its own, then the end reasons. */
export function dropReasonsOf(definition: Pick<JourneyDefinition<unknown>, "dropReasons">): readonly Labelled[] {
  return [...definition.dropReasons, ...END_REASONS.filter((e) => !definition.dropReasons.some((d) => d.key === e.key))];
}
