import type { CounterSum } from "./read-analytics";
import { rate } from "./reports";

/**
 * The paths report (pure): the most common ways through a journey's funnel, from session start to
 * how it ended, as a table and as a Sankey whose nodes and links know the paths through them.
 */
export interface PathRow {
  steps: string[];
  outcome: string;
  count: number;
  share: number;
  /** the sessions of this path whose ending the journey names more finely ("cancelled a booking"), by word */
  finer: { word: string; count: number }[];
}

/** Which paths the page shows: through the funnel's steps ("path" counters), or through the event types ("event-path"). */
export type PathLevel = "steps" | "events";
export const PATH_KIND: Record<PathLevel, "path" | "event-path"> = { steps: "path", events: "event-path" };

/**
 * The most common paths from session start (funnel steps, or collapsed event types, in order, then
 * how it ended), optionally of one outcome. Only funnel paths have finer endings ("path-label").
 */
export function commonPaths(counters: readonly CounterSum[], outcome: string | null, limit = 12, kind: "path" | "event-path" = "path"): PathRow[] {
  const finerOf = new Map<string, PathRow["finer"]>();
  for (const c of counters) {
    if (kind !== "path" || c.kind !== "path-label" || c.n <= 0) continue;
    finerOf.set(c.k1, [...(finerOf.get(c.k1) ?? []), { word: c.k2, count: c.n }]);
  }
  const paths = counters
    .filter((c) => c.kind === kind)
    .map((c) => {
      const parts = c.k1.split(">");
      const end = parts.at(-1)!;
      return { steps: parts.slice(0, -1), outcome: end.startsWith("end:") ? end.slice(4) : "", count: c.n, key: c.k1 };
    })
    .filter((p) => outcome === null || p.outcome === outcome);
  const total = paths.reduce((s, p) => s + p.count, 0);
  return paths
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map((p) => ({
      steps: p.steps,
      outcome: p.outcome,
      count: p.count,
      share: rate(p.count, total),
      finer: (finerOf.get(p.key) ?? []).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)),
    }));
}

/**
 * How a path ended, in the journey's words: its finer word when every session of it has that one
 * ("cancelled a booking"), else the outcome's word and how many of its sessions the finer words name
 * ("browsed · 3 cancelled a booking"), so a cancelled booking never reads as plain "browsed".
 */
export function endedWords(p: Pick<PathRow, "count" | "finer">, plain: string): string {
  const [only] = p.finer;
  if (p.finer.length === 1 && only!.count === p.count) return only!.word;
  return [plain, ...p.finer.map((f) => `${f.count.toLocaleString("en-GB")} ${f.word}`)].join(" · ");
}

/** A path's drill-down key, as the sessions list matches it: its steps, then "end:<outcome>". */
export const pathKey = (p: Pick<PathRow, "steps" | "outcome">) => [...p.steps, `end:${p.outcome}`].join(">");

/** A path's Sankey nodes in order: the start, a node per (position, step), the ending. */
const nodeKeysOf = (p: Pick<PathRow, "steps" | "outcome">) => ["start", ...p.steps.map((s, i) => `${i}:${s}`), `end:${p.outcome}`];

/**
 * Whether a path goes through a Sankey node ("1:view_offer", "end:browsed") or a link between two
 * nodes ("0:search~1:view_offer"): what the paths page narrows its table to when one is clicked.
 */
export function pathGoesThrough(p: Pick<PathRow, "steps" | "outcome">, through: string): boolean {
  const keys = nodeKeysOf(p);
  const [a, b] = through.split("~");
  if (b === undefined) return keys.includes(through);
  return keys.some((k, i) => k === a && keys[i + 1] === b);
}

export interface SankeyData {
  /** key: the node's key (see pathGoesThrough); paths: the path keys through it */
  nodes: { name: string; key: string; paths: string[] }[];
  links: { source: number; target: number; value: number; key: string; paths: string[] }[];
}

/**
 * The paths as a Sankey: a node per (position, step) so the graph has no cycles, the outcome as
 * the last node; link values are sessions. Labels come from the funnel's step labels. Each node and
 * link names the paths through it, so a click can open their sessions.
 */
export function pathsSankey(paths: readonly PathRow[], labels: Record<string, string>, outcomeWords: Record<string, string> = {}): SankeyData {
  const nodes: SankeyData["nodes"] = [];
  const index = new Map<string, number>();
  const node = (key: string, name: string, path: string) => {
    if (!index.has(key)) {
      index.set(key, nodes.length);
      nodes.push({ name, key, paths: [] });
    }
    const n = index.get(key)!;
    if (!nodes[n]!.paths.includes(path)) nodes[n]!.paths.push(path);
    return n;
  };
  const links = new Map<string, SankeyData["links"][number]>();
  for (const p of paths) {
    const path = pathKey(p);
    const names = ["Session start", ...p.steps.map((s) => labels[s] ?? s), `Ended: ${outcomeWords[p.outcome] ?? p.outcome}`];
    const chain = nodeKeysOf(p).map((key, i) => node(key, names[i]!, path));
    for (let i = 1; i < chain.length; i++) {
      const key = `${nodes[chain[i - 1]!]!.key}~${nodes[chain[i]!]!.key}`;
      const link = links.get(key) ?? { source: chain[i - 1]!, target: chain[i]!, value: 0, key, paths: [] };
      link.value += p.count;
      link.paths.push(path);
      links.set(key, link);
    }
  }
  return { nodes, links: [...links.values()] };
}

/** An event type in words for a path's node: its service prefix dropped ("search.destinations.searched" → "destinations searched"). */
const typeWords = (type: string) => {
  const parts = type.split(".");
  return (parts.length >= 3 ? parts.slice(1) : parts).join(" ").replace(/[_-]+/g, " ");
};

/**
 * Labels for event-level paths: each type in words, so the graph's labels fit their columns (raw
 * type names ran into the next one). Two types whose words would read alike keep their names.
 */
export function eventTypeLabels(paths: readonly PathRow[]): Record<string, string> {
  const types = [...new Set(paths.flatMap((p) => p.steps))];
  const byWords = new Map<string, string[]>();
  for (const type of types) byWords.set(typeWords(type), [...(byWords.get(typeWords(type)) ?? []), type]);
  return Object.fromEntries(types.map((type) => [type, byWords.get(typeWords(type))!.length > 1 ? type : typeWords(type)]));
}
