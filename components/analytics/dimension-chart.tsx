"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** A dimension's most common values: sessions with each, and how many of those completed, in the journey's words. */
export function DimensionChart({
  dimension,
  completedWord,
  rows,
}: {
  dimension: string;
  completedWord: string;
  rows: { value: string; label: string; sessions: number; completed: number }[];
}) {
  const data = rows.slice(0, 12).map((r) => ({ label: r.label, sessions: r.sessions, completed: r.completed }));
  return (
    <div className="h-72 w-full" role="img" aria-label={`Sessions and ${completedWord.toLowerCase()} per ${dimension.toLowerCase()}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#94a3b833" vertical={false} />
          <XAxis dataKey="label" fontSize={12} interval={0} />
          <YAxis fontSize={12} allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar isAnimationActive={false} dataKey="sessions" name="Sessions" fill="#0ea5e9" />
          <Bar isAnimationActive={false} dataKey="completed" name={completedWord} fill="#10b981" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
