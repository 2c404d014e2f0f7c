import { Badge, type BadgeTone } from "@/components/ui/badge";

const OUTCOME_TONES: Record<string, BadgeTone> = { completed: "emerald", abandoned: "rose", browsed: "slate", live: "sky" };

/** A session's outcome (completed, abandoned, browsed or live), in its journey's words when given. */
export function OutcomeBadge({ outcome, label, light }: { outcome: string; label?: string; light?: boolean }) {
  return (
    <Badge tone={OUTCOME_TONES[outcome] ?? "slate"} light={light}>
      {label ?? outcome}
    </Badge>
  );
}
