"use client";

import { ResponsiveContainer, Sankey, Tooltip } from "recharts";
import type { SankeyData } from "@/lib/analytics/reports";

/** The most common journeys from session start as a Sankey (shaped by lib/analytics/reports.ts pathsSankey). */
export function PathsSankey({ data }: { data: SankeyData }) {
  if (data.links.length === 0) return <p className="text-sm text-slate-500">No sessions in this range.</p>;
  return (
    <div className="h-[28rem] w-full" role="img" aria-label="Most common paths from session start">
      <ResponsiveContainer width="100%" height="100%">
        <Sankey
          data={data}
          nodePadding={24}
          nodeWidth={10}
          margin={{ top: 10, right: 160, bottom: 10, left: 10 }}
          link={{ stroke: "#f59e0b", strokeOpacity: 0.35 }}
          node={{ fill: "#0f172a", stroke: "#0f172a" }}
        >
          <Tooltip />
        </Sankey>
      </ResponsiveContainer>
    </div>
  );
}
