import type { RulePreview } from "@/lib/retention/due-sql";
import { Cell, DataTable, Row } from "../ui/data-table";

/** A recorded time as its UTC day: what the CLI prints, and what an admin weighs a rule by. */
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The dates a rule removes from, oldest to newest ("—" when it removes nothing). */
export function recordedSpan(r: Pick<RulePreview, "count" | "oldest" | "newest">): string {
  if (r.count === 0 || !r.oldest || !r.newest) return "—";
  return day(r.oldest) === day(r.newest) ? day(r.oldest) : `${day(r.oldest)} to ${day(r.newest)}`;
}

// The rule's words without the version the tombstones add: the table's heading names it once.
const words = (rule: string) => rule.replace(/ \(retention policy v\d+\)$/, "");

/**
 * Per rule (in the policy's order, the default last), the events it removes (or would remove now)
 * and the recorded dates they span. `label` names the table for people and tests.
 */
export function RetentionRulesTable({ label, rules, verb }: { label: string; rules: readonly RulePreview[]; verb: string }) {
  const total = rules.reduce((n, r) => n + r.count, 0);
  return (
    <DataTable label={label} stacked columns={["#", "Rule", ["Keeps", "text-right"], [verb, "text-right"], "Recorded"]}>
      {rules.map((r) => (
        <Row key={r.index} stacked data-rule={r.index}>
          <Cell label="#" className="text-xs text-slate-500">
            {r.index + 1}
          </Cell>
          <Cell label="Rule" className="break-words sm:max-w-md">
            <code className="text-xs">{words(r.rule)}</code>
          </Cell>
          <Cell label="Keeps" numeric className="whitespace-nowrap">
            {r.keepDays.toLocaleString("en-US")} {r.keepDays === 1 ? "day" : "days"}
          </Cell>
          <Cell label={verb} numeric data-testid="rule-count" className="font-medium">
            {r.count.toLocaleString("en-US")}
          </Cell>
          <Cell label="Recorded" data-testid="rule-dates" className="whitespace-nowrap text-xs text-slate-500">
            {recordedSpan(r)}
          </Cell>
        </Row>
      ))}
      {/* On a phone the total is one line: its empty cells would each show their column's name. */}
      <Row stacked>
        <Cell className="hidden sm:table-cell" />
        <Cell className="hidden font-medium sm:table-cell">In all</Cell>
        <Cell className="hidden sm:table-cell" />
        <Cell label={`${verb}, in all`} numeric data-testid="total-count" className="font-semibold">
          {total.toLocaleString("en-US")}
        </Cell>
        <Cell className="hidden sm:table-cell" />
      </Row>
    </DataTable>
  );
}
