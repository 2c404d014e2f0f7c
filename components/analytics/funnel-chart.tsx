"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FunnelRow } from "@/lib/analytics/reports";

export function FunnelChart({ rows }: { rows: FunnelRow[] }) {
  const data = rows.map((r) => ({ label: r.label, sessions: r.count, share: `${(r.fromStart * 100).toFixed(0)}%` }));
  return (
    <div className="h-72 w-full" role="img" aria-label="Sessions reaching each step of the funnel">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 20, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#94a3b833" vertical={false} />
          <XAxis dataKey="label" fontSize={12} interval={0} />
          <YAxis fontSize={12} allowDecimals={false} />
          <Tooltip />
          <Bar isAnimationActive={false} dataKey="sessions" name="Sessions" fill="#f59e0b" radius={[4, 4, 0, 0]}>
            <LabelList dataKey="share" position="top" fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
