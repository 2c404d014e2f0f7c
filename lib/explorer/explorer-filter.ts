import { z } from "zod";
import type { FeedFilter } from "../eventstore/read";
import { globListMatches, globMatches, isGlob, parseGlobList } from "../glob/glob";

const text = z
  .string()
  .trim()
  .max(500)
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** A date, or a date and time, as typed in a filter (read as UTC); empty means no bound. */
const instant = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return undefined;
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : /[zZ]|[+-]\d{2}:\d{2}$/.test(v) ? v : `${v}Z`;
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: `"${v}" is not a date` });
      return z.NEVER;
    }
    return date;
  })
  .optional();

/** The explorer's filters, as they appear in its URL (so every view is a deep link). */
export const explorerFilterSchema = z.object({
  type: text,
  user: text,
  stream: text,
  correlation: text,
  from: instant,
  to: instant,
});

export type ExplorerFilter = z.output<typeof explorerFilterSchema>;
export type ExplorerFilterInput = z.input<typeof explorerFilterSchema>;

/**
 * Does the type filter need the store's list of types? A plain type (what the field has always
 * taken) is matched as it is; a pattern of the product's glob syntax (`search.*`) or a
 * comma-separated list is resolved against the types the store holds.
 */
export function typeFilterIsPattern(filter: ExplorerFilter): boolean {
  return filter.type !== undefined && (isGlob(filter.type) || filter.type.includes(","));
}

/**
 * `knownTypes`: the store's event types, needed only when the type filter is a pattern. A pattern
 * matches a type as the explorer shows it (`shown`: masked), so `*a*`-style probes cannot rebuild
 * a masked type one character at a time.
 */
export function toFeedFilter(filter: ExplorerFilter, knownTypes: readonly string[] = [], shown: (type: string) => string = (t) => t): FeedFilter {
  const patterns = filter.type !== undefined && typeFilterIsPattern(filter) ? parseGlobList(filter.type) : null;
  return {
    type: patterns ? knownTypes.filter((t) => globListMatches(patterns, shown(t))) : filter.type,
    userid: filter.user,
    stream: filter.stream,
    correlationid: filter.correlation,
    from: filter.from,
    to: filter.to,
  };
}

/** Reads filters from search params, ignoring (rather than failing on) a malformed bound. */
export function readExplorerFilter(params: Record<string, string | string[] | undefined>): {
  filter: ExplorerFilter;
  problems: string[];
} {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(explorerFilterSchema.shape)) {
    const value = params[key];
    if (typeof value === "string") raw[key] = value;
  }
  const result = explorerFilterSchema.safeParse(raw);
  if (result.success) return { filter: result.data, problems: [] };
  const problems = result.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
  for (const issue of result.error.issues) delete raw[String(issue.path[0])];
  return { filter: explorerFilterSchema.parse(raw), problems };
}

/**
 * The type picker's families: one `<prefix>.*` per first segment the store's types share, so a
 * whole service's events (`payment.*`, `shop.*`) is one pick.
 */
export function typeFamilies(types: readonly string[]): string[] {
  return [...new Set(types.filter((t) => t.includes(".")).map((t) => `${t.slice(0, t.indexOf("."))}.*`))].sort();
}

/**
 * A plain type the store holds no event of is still matched exactly (a type yet to come, for the
 * live tail), but "payment" typed as a word usually means "the payment events": the pattern that
 * finds them, when there is one, to offer beside the empty list.
 */
export function suggestTypePattern(filter: ExplorerFilter, types: readonly string[]): { pattern: string; matches: number } | null {
  if (filter.type === undefined || typeFilterIsPattern(filter) || types.includes(filter.type)) return null;
  const pattern = `*${filter.type}*`;
  const matches = types.filter((t) => globMatches(pattern, t)).length;
  return matches > 0 ? { pattern, matches } : null;
}
