import { Card } from "@/components/ui/card";
import type { DraftRow } from "@/lib/resume/draft-rows";

/** What the customer had chosen, in their words, and the step they stopped at. */
export function DraftCard({ label, rows, stepLabel }: { label: string; rows: DraftRow[]; stepLabel: string }) {
  return (
    <Card tone="raised" flush aria-label={label} className="p-5">
      <dl className="divide-y divide-slate-100 dark:divide-slate-800">
        {rows.map(([name, value]) => (
          <div key={name} className="flex justify-between gap-4 py-2.5">
            <dt className="shrink-0 text-slate-500 dark:text-slate-400">{name}</dt>
            <dd className="text-right font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">You stopped at: {stepLabel.toLowerCase()}.</p>
    </Card>
  );
}
