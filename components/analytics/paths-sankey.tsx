"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ResponsiveContainer, Sankey, Tooltip } from "recharts";
import type { SankeyData } from "@/lib/analytics/paths-report";
import { EmptyState } from "@/components/ui/empty-state";

interface NodeProps {
  x: number;
  y: number;
  width: number;
  height: number;
  payload: { name: string; value: number; key?: string };
}

/** A node with its label and how many sessions pass through it, beside the bar. */
function LabelledNode({ x, y, width, height, payload }: NodeProps) {
  // The endings are the last column: their labels go right of the bar, into a margin kept for them,
  // so they neither run off the edge ("End·") nor back over the column before ("searched · 6").
  const last = payload.key?.startsWith("end:") ?? false;
  return (
    <g className="cursor-pointer">
      <rect x={x} y={y} width={width} height={height} className="fill-slate-800 dark:fill-slate-200" />
      {/* Above the bar, not beside it: beside, the next column's bar would cover a long label. */}
      <text
        x={last ? x + width + 6 : x}
        y={last ? y + Math.min(height / 2, 12) + 4 : y - 6}
        textAnchor="start"
        fontSize={12}
        paintOrder="stroke"
        strokeWidth={4}
        strokeLinejoin="round"
        className="fill-slate-800 stroke-white dark:fill-slate-100 dark:stroke-slate-900"
      >
        {payload.name} · {payload.value.toLocaleString("en-GB")}
      </text>
    </g>
  );
}

type Linked = { href: string };
type Drawn = { nodes: (SankeyData["nodes"][number] & Linked)[]; links: (SankeyData["links"][number] & Linked)[] };

/**
 * The most common journeys from session start as a Sankey (shaped by lib/analytics/paths-report.ts).
 * A node or a link opens its sessions (or, when several paths go through it, the paths table
 * narrowed to them); the table below holds the same links for the keyboard.
 */
export function PathsSankey({ data, label }: { data: Drawn; label: string }) {
  const router = useRouter();
  const scroller = useRef<HTMLDivElement>(null);
  // Whether the graph is wider than its card (always on a phone): then a hint says it scrolls sideways.
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  if (data.links.length === 0) return <EmptyState>No sessions in this range.</EmptyState>;
  // Columns: the start, one per position of a step, the ending. Each gets room for its label
  // ("Travellers and extras · 21"), so on a phone the graph scrolls inside its card instead of
  // squeezing the columns until the labels run into each other.
  const columns = 2 + Math.max(0, ...data.nodes.map((n) => (/^\d+:/.test(n.key) ? Number.parseInt(n.key, 10) + 1 : 0)));
  // Room per column for its longest label (event types run longer than step names), and a right
  // margin for the endings' labels (with their counts). At 1440 the steps fit the card; event types scroll.
  // A label is its name and " · 12,345" (the count recharts adds up): about 6.5 px a character at 12 px.
  const labelWidth = (n: { name: string }) => (n.name.length + 9) * 6.5 + 10;
  const longest = Math.max(0, ...data.nodes.filter((n) => !n.key.startsWith("end:")).map(labelWidth));
  const columnWidth = Math.min(320, Math.max(120, longest));
  const endings = Math.min(320, Math.max(60, ...data.nodes.filter((n) => n.key.startsWith("end:")).map(labelWidth)));
  return (
    <div>
      {scrolls && (
        <p className="mb-2 text-xs text-slate-500 dark:text-slate-400" data-testid="sankey-scroll-hint">
          {columns} columns: scroll sideways to see them all →
        </p>
      )}
      <div ref={scroller} className="w-full overflow-x-auto">
        <div className="h-[30rem] w-full" style={{ minWidth: (columns - 1) * columnWidth + endings + 40 }} role="img" aria-label={label}>
          <ResponsiveContainer width="100%" height="100%">
            <Sankey
              data={data}
              nodePadding={40}
              nodeWidth={10}
              margin={{ top: 24, right: endings, bottom: 10, left: 10 }}
              link={{ stroke: "#f59e0b", strokeOpacity: 0.35, cursor: "pointer" }}
              node={(props: unknown) => <LabelledNode {...(props as NodeProps)} />}
              onClick={(item, type) => {
                const list: Linked[] = type === "node" ? data.nodes : data.links;
                const href = list[item.index]?.href;
                if (href) router.push(href);
              }}
            >
              <Tooltip />
            </Sankey>
          </ResponsiveContainer>
        </div>
      </div>
    </div>
  );
}
