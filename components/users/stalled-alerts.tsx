import { formatWallClock } from "@/components/replay/format-time";
import { Badge } from "@/components/ui/badge";
import type { AlertItem } from "@/lib/data/work-queue";
import { CustomerListSection } from "./customer-list-section";
import { WorkItemRow } from "./work-queue";

/**
 * The work queue's alerts: journeys a rule at /admin/alerts found stalled, newest first, each
 * marked with the rule that fired and when, and like every queue row one click from its replay and
 * resume link. Shown only when there is one: without rules the start page is as it was.
 */
export function StalledAlerts({ items, canResume }: { items: AlertItem[]; canResume: boolean }) {
  if (items.length === 0) return null;
  return (
    <CustomerListSection id="stalled-alerts" title="Alerts: stalled journeys" label="Alerts" empty={null}>
      {items.map((item) => (
        <WorkItemRow
          key={item.alertId}
          item={item}
          canResume={canResume}
          mark={
            <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
              <Badge tone="amber" shape="tag">
                Alert
              </Badge>
              <span>
                {item.ruleName} · fired {formatWallClock(Date.parse(item.firedAt))}
              </span>
            </p>
          }
        />
      ))}
    </CustomerListSection>
  );
}
