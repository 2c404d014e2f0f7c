"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OverviewDay } from "@/lib/analytics/reports";
import { niceTicks } from "@/lib/format/nice-ticks";

const LINE_ORDER = ["sessions", "completed", "abandoned"];

/** Sessions, completed and abandoned ones per day, in the journey's words (the series come shaped from lib/analytics/reports.ts). */
export function OverviewChart({ series, words }: { series: OverviewDay[]; words: { completed: string; abandoned: string } }) {
  // Today (and any day after it) is not over: shaded and named, so its drop reads as "so far", not as a fall.
  const unfinished = series.filter((d) => d.unfinished);
  // From the last whole day: the line's last stretch, into today, is the part still filling (one day alone is a zero-width area).
  const before = series[series.findIndex((d) => d.unfinished) - 1];
  // Sessions bound the other two lines (completed and abandoned are some of them).
  const ticks = niceTicks(Math.max(0, ...series.map((d) => d.sessions)));
  return (
    <div className="h-72 w-full" role="img" aria-label={`Sessions, ${words.completed.toLowerCase()} and ${words.abandoned.toLowerCase()} per day`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={series} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#94a3b833" />
          <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} fontSize={12} />
          <YAxis fontSize={12} ticks={ticks} domain={[0, ticks.at(-1)!]} />
          <Tooltip />
          {/* In the lines' order (sessions, then the journey's two words), not sorted by name as recharts would. */}
          <Legend itemSorter={(item) => LINE_ORDER.indexOf(String(item.dataKey))} />
          {unfinished.length > 0 && (
            <ReferenceArea
              x1={(before ?? unfinished[0]!).day}
              x2={unfinished.at(-1)!.day}
              fill="#94a3b8"
              fillOpacity={0.15}
              label={{ value: "so far", position: "insideTop", fontSize: 12, fill: "#64748b" }}
            />
          )}
          <Line isAnimationActive={false} type="monotone" dataKey="sessions" name="Sessions" stroke="#0ea5e9" strokeWidth={2} dot={false} />
          <Line isAnimationActive={false} type="monotone" dataKey="completed" name={words.completed} stroke="#10b981" strokeWidth={2} dot={false} />
          <Line isAnimationActive={false} type="monotone" dataKey="abandoned" name={words.abandoned} stroke="#f43f5e" strokeWidth={2} dot={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
