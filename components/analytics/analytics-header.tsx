import { JourneyPicker } from "@/components/analytics/journey-picker";
import { Button, LinkButton, buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Tabs } from "@/components/ui/tabs";
import { lastDays, rangeQuery, type DayRange } from "@/lib/analytics/range";
import type { AnalyticsReport, JourneyChoice } from "@/lib/data/analytics";

const TABS: readonly { href: string; label: string; report: AnalyticsReport }[] = [
  { href: "/analytics", label: "Overview", report: "overview" },
  { href: "/analytics/funnel", label: "Funnel", report: "funnel" },
  { href: "/analytics/popularity", label: "Popularity", report: "popularity" },
  { href: "/analytics/destinations", label: "Destinations & offers", report: "destinations" },
  { href: "/analytics/paths", label: "Paths", report: "paths" },
  // Not a tab of its own (no journey lists it in reportsOf): opened from a funnel step's drop-offs, under the funnel's tab.
  { href: "/analytics/after-drop-off", label: "After a drop-off", report: "after-drop-off" },
];

const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

/**
 * Title, the journey picker, report tabs (keeping journey and range), the date range and a CSV
 * export of the page's table. `reports` are the tabs this journey has (the booking journey's
 * destinations and offers are its own).
 */
export function AnalyticsHeader({
  current,
  range,
  view: { journey, choices, reports, version, unfinished, rangeNotice },
  extra = {},
}: {
  current: AnalyticsReport;
  range: DayRange;
  /** version: which version of the journey folded the figures ("shop v3") */
  view: {
    journey: { name: string; label: string };
    choices: JourneyChoice[];
    reports: readonly AnalyticsReport[];
    version: string;
    /** the range reaches today (or later): those days are not over */
    unfinished?: { from: string; today: string } | null;
    /** what in the query was not usable, and what is shown instead (readRangeWithNotice) */
    rangeNotice?: string | null;
  };
  extra?: Record<string, string | undefined>;
}) {
  const path = TABS.find((t) => t.report === current)!.href;
  const withJourney = { journey: journey.name, ...extra };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Journey analytics</h1>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {journey.label}: sessions started {range.from} to {range.to} (UTC). Aggregates only: no one&apos;s personal data.
          </p>
          {unfinished && (
            <p className="text-xs text-amber-700 dark:text-amber-400" data-testid="range-unfinished">
              {unfinished.from === unfinished.today
                ? `Today (${unfinished.today}) is not over: its figures are so far.`
                : `The range is after today (${unfinished.today}): nothing can be there yet.`}
            </p>
          )}
          <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="journey-version">
            Folded by {version}
          </p>
        </div>
        <form action={path} className="flex flex-wrap items-end gap-2 text-sm" aria-label="Journey and date range">
          {Object.entries(extra).map(([k, v]) => v !== undefined && <input key={k} type="hidden" name={k} value={v} />)}
          <JourneyPicker current={journey.name} choices={choices} />
          {/* Text, not type="date": a date input shows the browser's locale (mm/dd/yyyy), while every
              day on these pages, the caption and the URL say YYYY-MM-DD. */}
          {(["from", "to"] as const).map((name) => (
            <label key={name} className="space-y-1">
              <span className="block text-xs text-slate-500">{name === "from" ? "From" : "To"}</span>
              <input
                name={name}
                defaultValue={range[name]}
                placeholder="YYYY-MM-DD"
                pattern="\d{4}-\d{2}-\d{2}"
                title="A day, YYYY-MM-DD"
                inputMode="numeric"
                size={10}
                className={input}
              />
            </label>
          ))}
          <Button type="submit">Apply</Button>
          {/* The quick ranges count back from the chosen end, not from today: the caption says so. */}
          <div role="group" aria-label={`The last days up to ${range.to}`} className="space-y-1">
            <span className="block text-xs text-slate-500">Last 7, 30 or 90 days up to {range.to}</span>
            <div className="flex gap-1">
              {[7, 30, 90].map((n) => (
                <LinkButton key={n} href={`${path}?${rangeQuery(lastDays(range.to, n), withJourney)}`} title={`The ${n} days up to ${range.to}`}>
                  {n} days
                </LinkButton>
              ))}
            </div>
          </div>
          <a href={`/analytics/export/${current}?${rangeQuery(range, withJourney)}`} className={buttonClass("outline")}>
            Export CSV
          </a>
        </form>
      </div>
      {rangeNotice && (
        <Notice tone="warning" role="status" data-testid="range-notice">
          {rangeNotice}
        </Notice>
      )}
      {/* Five reports are wider than a phone: the tabs wrap onto a second row (see Tabs). */}
      <Tabs
        label="Reports"
        tabs={TABS.filter((t) => reports.includes(t.report)).map((t) => ({
          href: `${t.href}?${rangeQuery(range, { journey: journey.name })}`,
          label: t.label,
          current: t.report === current || (current === "after-drop-off" && t.report === "funnel"),
        }))}
      />
    </div>
  );
}

export const percent = (r: number) => `${(r * 100).toFixed(1)}%`;

export function formatSeconds(s: number | null): string {
  if (s === null) return "—";
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
