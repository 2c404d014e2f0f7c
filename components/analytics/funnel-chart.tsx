"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FunnelRow } from "@/lib/analytics/reports";
import { niceTicks } from "@/lib/format/nice-ticks";

/**
 * Sessions reaching each step, one bar a step from top to bottom: the steps' names sit beside their
 * bars, so a journey's own (often long) step labels stay readable on a phone too.
 */
export function FunnelChart({ rows }: { rows: FunnelRow[] }) {
  const data = rows.map((r) => ({ label: r.label, sessions: r.count, share: `${(r.fromStart * 100).toFixed(0)}%` }));
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => r.count)));
  return (
    <div className="w-full" style={{ height: 40 + rows.length * 36 }} role="img" aria-label="Sessions reaching each step of the funnel">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 48, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#94a3b833" horizontal={false} />
          <XAxis type="number" fontSize={12} ticks={ticks} domain={[0, ticks.at(-1)!]} />
          <YAxis type="category" dataKey="label" fontSize={12} width={130} interval={0} />
          <Tooltip />
          <Bar isAnimationActive={false} dataKey="sessions" name="Sessions" fill="#f59e0b" radius={[0, 4, 4, 0]}>
            <LabelList dataKey="share" position="right" fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
