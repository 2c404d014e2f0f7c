import Link from "next/link";
import { buildWords } from "@/lib/journey-store/build-status";
import type { JourneySummary } from "@/lib/journey-store/journey-list";
import { formatWallClock } from "../replay/format-time";
import { Badge } from "../ui/badge";
import { Cell, DataTable, Row } from "../ui/data-table";

/** Every journey, in the order they claim events, each leading to its editor. */
export function JourneyList({ journeys, selected }: { journeys: readonly JourneySummary[]; selected: string | null }) {
  return (
    <DataTable label="Journeys" columns={["Name", "Label", "Version", ["Priority", "text-right"], ["Steps", "text-right"], "Changed"]} stacked>
      {journeys.map((j) => (
        <Row
          key={j.name}
          hover
          stacked
          aria-current={j.name === selected ? "true" : undefined}
          className={j.name === selected ? "bg-amber-50 dark:bg-slate-800" : ""}
        >
          <Cell label="Name" className="font-medium">
            <Link href={`/admin/journeys?name=${encodeURIComponent(j.name)}`} className="underline-offset-2 hover:underline">
              {j.name}
            </Link>
          </Cell>
          <Cell label="Label">{j.label}</Cell>
          <Cell label="Version">
            <span>
              {j.builtIn ? (
                <Badge tone="slate">built-in</Badge>
              ) : (
                <>
                  v{j.version}
                  {j.build && j.build.state !== "live" && (
                    <Badge tone={j.build.state === "failed" ? "red" : "amber-soft"} className="ml-2">
                      {buildWords(j.build)}
                    </Badge>
                  )}
                </>
              )}
            </span>
          </Cell>
          <Cell label="Priority" numeric>
            {j.priority}
          </Cell>
          <Cell label="Steps" numeric title={j.steps.map((s) => s.label).join(" → ")}>
            {j.steps.length}
          </Cell>
          <Cell label="Changed" className="text-xs text-slate-500">
            {j.changedAt ? `${formatWallClock(j.changedAt.getTime())} by ${j.changedBy}` : "—"}
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
