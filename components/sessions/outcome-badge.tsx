import { Badge, type BadgeTone } from "@/components/ui/badge";

const OUTCOME_TONES: Record<string, BadgeTone> = { booked: "emerald", abandoned: "rose", browsed: "slate", live: "sky" };

/** A session's outcome: booked, abandoned, browsed or live (anything else looks like browsed). */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  return <Badge tone={OUTCOME_TONES[outcome] ?? "slate"}>{outcome}</Badge>;
}
