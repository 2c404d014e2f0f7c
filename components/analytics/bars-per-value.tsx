"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { niceTicks } from "@/lib/format/nice-ticks";

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
  const shown = rows.slice(0, MOST_VALUES);
  const ticks = niceTicks(Math.max(0, ...shown.flatMap((r) => series.map((s) => r[s.key]))));
  return (
    // One group of bars a value, top to bottom, the value's name beside it: a journey's own (often
    // long) names stay readable on a phone, where names under upright bars ran into each other.
    <div className="w-full" style={{ height: 72 + shown.length * (series.length * 12 + 16) }} role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={shown} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#94a3b833" horizontal={false} />
          <XAxis type="number" fontSize={12} ticks={ticks} domain={[0, ticks.at(-1)!]} />
          <YAxis type="category" dataKey="label" fontSize={12} width={130} interval={0} />
          <Tooltip />
          {/* Recharts sorts a legend by name unless told: keep the bars' own order (views, starts, bookings). */}
          <Legend itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)} />
          {series.map((s) => (
            <Bar key={s.key} isAnimationActive={false} dataKey={s.key} name={s.name} fill={s.fill} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
