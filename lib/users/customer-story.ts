/**
 * What one line of a customer search says about the customer: one story, not two badges that
 * contradict each other ("browsed" beside "open booking"). The last session's outcome says how
 * their latest visit ended; an open booking left in any visit is what an agent acts on, so it
 * wins, and a customer on the site now (live) wins over both. Pure, for the results and the
 * suggestions alike.
 */
export type CustomerStory = { kind: "live" } | { kind: "open-booking"; step: string } | { kind: "outcome"; outcome: string };

/** `openBooking`: the user summary's (a resume point, stored as JSON), null for none. */
export function customerStory(u: { lastOutcome: string; openBooking: unknown }): CustomerStory {
  if (u.lastOutcome === "live") return { kind: "live" };
  if (u.openBooking !== null && typeof u.openBooking === "object") {
    const label = (u.openBooking as { label?: unknown }).label;
    return { kind: "open-booking", step: typeof label === "string" ? label : "unfinished" };
  }
  return { kind: "outcome", outcome: u.lastOutcome };
}

export function storyInWords(story: CustomerStory): string {
  if (story.kind === "live") return "on the site now";
  if (story.kind === "open-booking") return `open booking: ${story.step.toLowerCase()}`;
  return `last visit ${story.outcome}`;
}
