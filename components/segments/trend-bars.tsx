/** A segment's sessions per start day as small bars (a sparkline), each day named on hover and for screen readers. */
export function TrendBars({ trend }: { trend: { day: string; sessions: number }[] }) {
  if (trend.length === 0) return <span className="text-xs text-slate-500">no days</span>;
  const most = Math.max(1, ...trend.map((d) => d.sessions));
  const width = 4;
  return (
    <svg
      width={trend.length * (width + 1)}
      height={24}
      role="img"
      aria-label={`sessions per day, ${trend[0]!.day} to ${trend.at(-1)!.day}: ${trend.map((d) => d.sessions).join(", ")}`}
      className="text-amber-600 dark:text-amber-400"
    >
      {trend.map((d, i) => {
        const h = Math.max(d.sessions > 0 ? 2 : 1, Math.round((d.sessions / most) * 22));
        return (
          <rect
            key={d.day}
            x={i * (width + 1)}
            y={24 - h}
            width={width}
            height={h}
            className={d.sessions > 0 ? "fill-current" : "fill-slate-300 dark:fill-slate-700"}
          >
            <title>{`${d.day}: ${d.sessions}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
