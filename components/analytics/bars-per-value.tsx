"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** The most values one chart shows: more bars than this are unreadable at any width (the table below lists them all). */
const MOST_VALUES = 12;

export interface BarSeries<K extends string> {
  key: K;
  name: string;
  fill: string;
}

/**
 * Bars side by side for each value of a category (a dimension's values, the destinations): the one
 * look of the analytics pages' bar charts. `rows` come sorted, most first; the first 12 are drawn.
 */
export function BarsPerValue<K extends string>({
  label,
  rows,
  series,
}: {
  /** what the chart shows, for people who cannot see it */
  label: string;
  rows: readonly ({ label: string } & Record<K, number>)[];
  series: readonly BarSeries<K>[];
}) {
  return (
    <div className="h-72 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows.slice(0, MOST_VALUES)} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#94a3b833" vertical={false} />
          <XAxis dataKey="label" fontSize={12} interval={0} />
          <YAxis fontSize={12} allowDecimals={false} />
          <Tooltip />
          <Legend />
          {series.map((s) => (
            <Bar key={s.key} isAnimationActive={false} dataKey={s.key} name={s.name} fill={s.fill} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
