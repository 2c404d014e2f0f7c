import { OutcomeBadge } from "@/components/sessions/outcome-badge";
import { Badge } from "@/components/ui/badge";
import { customerStory } from "@/lib/users/customer-story";
import { lowerFirst } from "@/lib/users/steps-in-words";

/** The one badge a customer's search line carries (lib/users/customer-story.ts). */
export function CustomerStoryBadge({ customer }: { customer: { lastOutcome: string; openBooking: unknown } }) {
  const story = customerStory(customer);
  if (story.kind === "live") return <Badge tone="sky">live</Badge>;
  if (story.kind === "open-booking") return <Badge tone="amber">open booking · {lowerFirst(story.step)}</Badge>;
  return <OutcomeBadge outcome={story.outcome} />;
}
