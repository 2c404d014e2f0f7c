"use client";

import { ResponsiveContainer, Sankey, Tooltip } from "recharts";
import type { SankeyData } from "@/lib/analytics/reports";

interface NodeProps {
  x: number;
  y: number;
  width: number;
  height: number;
  payload: { name: string; value: number };
}

/** A node with its label and how many sessions pass through it, beside the bar. */
function LabelledNode({ x, y, width, height, payload }: NodeProps) {
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} className="fill-slate-800 dark:fill-slate-200" />
      <text x={x + width + 6} y={y + height / 2} dy="0.35em" fontSize={12} className="fill-slate-700 dark:fill-slate-200">
        {payload.name} · {payload.value.toLocaleString("en-GB")}
      </text>
    </g>
  );
}

/** The most common journeys from session start as a Sankey (shaped by lib/analytics/reports.ts pathsSankey). */
export function PathsSankey({ data }: { data: SankeyData }) {
  if (data.links.length === 0) return <p className="text-sm text-slate-500">No sessions in this range.</p>;
  return (
    <div className="h-[30rem] w-full" role="img" aria-label="Most common paths from session start">
      <ResponsiveContainer width="100%" height="100%">
        <Sankey
          data={data}
          nodePadding={28}
          nodeWidth={10}
          margin={{ top: 10, right: 190, bottom: 10, left: 10 }}
          link={{ stroke: "#f59e0b", strokeOpacity: 0.35 }}
          node={(props: unknown) => <LabelledNode {...(props as NodeProps)} />}
        >
          <Tooltip />
        </Sankey>
      </ResponsiveContainer>
    </div>
  );
}
