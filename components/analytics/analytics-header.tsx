import { Button, LinkButton, buttonClass } from "@/components/ui/button";
import { Tabs } from "@/components/ui/tabs";
import { rangeQuery, type DayRange } from "@/lib/analytics/range";

const TABS = [
  { href: "/analytics", label: "Overview", report: "overview" },
  { href: "/analytics/funnel", label: "Funnel", report: "funnel" },
  { href: "/analytics/destinations", label: "Destinations & offers", report: "destinations" },
  { href: "/analytics/paths", label: "Paths", report: "paths" },
] as const;

const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

/** Title, report tabs (keeping the range), the date range and a CSV export of the page's table. */
export function AnalyticsHeader({
  current,
  range,
  extra = {},
}: {
  current: (typeof TABS)[number]["report"];
  range: DayRange;
  extra?: Record<string, string | undefined>;
}) {
  const path = TABS.find((t) => t.report === current)!.href;
  const days = (n: number) => {
    const to = range.to;
    return { from: new Date(Date.parse(`${to}T00:00:00Z`) - (n - 1) * 86_400_000).toISOString().slice(0, 10), to };
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Journey analytics</h1>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            Holiday-booking sessions started {range.from} to {range.to} (UTC). Aggregates only: no one&apos;s personal data.
          </p>
        </div>
        <form action={path} className="flex flex-wrap items-end gap-2 text-sm" aria-label="Date range">
          {Object.entries(extra).map(([k, v]) => v !== undefined && <input key={k} type="hidden" name={k} value={v} />)}
          <label className="space-y-1">
            <span className="block text-xs text-slate-500">From</span>
            <input type="date" name="from" defaultValue={range.from} className={input} />
          </label>
          <label className="space-y-1">
            <span className="block text-xs text-slate-500">To</span>
            <input type="date" name="to" defaultValue={range.to} className={input} />
          </label>
          <Button type="submit">Apply</Button>
          {[7, 30, 90].map((n) => (
            <LinkButton key={n} href={`${path}?${rangeQuery(days(n), extra)}`}>
              {n} days
            </LinkButton>
          ))}
          <a href={`/analytics/export/${current}?${rangeQuery(range, extra)}`} className={buttonClass("outline")}>
            Export CSV
          </a>
        </form>
      </div>
      <Tabs label="Reports" tabs={TABS.map((t) => ({ href: `${t.href}?${rangeQuery(range)}`, label: t.label, current: t.report === current }))} />
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
