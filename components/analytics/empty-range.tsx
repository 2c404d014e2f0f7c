import Link from "next/link";
import { Card } from "@/components/ui/card";
import { lastDays, rangeQuery, type DayRange } from "@/lib/analytics/range";

/** Whether a journey has no session started in the range (the picker counted them already). */
export function isEmptyRange(view: { journey: { name: string }; choices: readonly { name: string; sessions: number }[] }): boolean {
  return (view.choices.find((c) => c.name === view.journey.name)?.sessions ?? 0) === 0;
}

/**
 * What a report says for a range with no session of the journey: zeros and "100.0% of previous"
 * read as figures. It names the days that do have data and offers them in one click.
 */
export function EmptyRange({
  path,
  range,
  journey,
  span,
  extra = {},
}: {
  path: string;
  range: DayRange;
  journey: { name: string; label: string };
  span: { first: string; last: string } | null;
  extra?: Record<string, string | undefined>;
}) {
  const withData = span ? lastDays(span.last, 30) : null;
  return (
    <Card data-testid="empty-range" className="space-y-2 text-sm">
      <h2 className="font-semibold">Nothing in this range</h2>
      <p className="text-slate-600 dark:text-slate-300">
        No session of {journey.label} started from {range.from} to {range.to} (UTC), so there is nothing to count here.
      </p>
      {span && withData ? (
        <p className="text-slate-600 dark:text-slate-300">
          Its sessions started between {span.first} and {span.last}.{" "}
          <Link className="text-amber-700 underline dark:text-amber-400" href={`${path}?${rangeQuery(withData, { journey: journey.name, ...extra })}`}>
            Show the 30 days up to {span.last}
          </Link>
        </p>
      ) : (
        <p className="text-slate-600 dark:text-slate-300">The store has no session of this journey yet.</p>
      )}
    </Card>
  );
}
