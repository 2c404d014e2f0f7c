import { z } from "zod";
import { ApiError } from "../http/errors";
import { outcomeParam } from "../journeys/outcomes";
import { decodeCursor, type SearchCursor } from "./cursor";
import type { DataCondition, SessionSearchFilter } from "./filter";
import { parseWhere } from "./where";

/**
 * `GET /api/sessions`' query at the edge (and the sessions page's, which adds a few): every
 * parameter checked once, each refusal naming its parameter. Repeatable parameters are arrays.
 */
export const SEARCH_LIMIT_DEFAULT = 50;
export const SEARCH_LIMIT_MAX = 500;
const MAX_REPEATS = 20;

const DAY = /^\d{4}-\d\d-\d\d$/;
const day = (name: string) =>
  z
    .string()
    .regex(DAY, { error: `${name} must be a UTC day, YYYY-MM-DD` })
    .refine((d) => !DAY.test(d) || new Date(Date.parse(`${d}T00:00:00Z`) || 0).toISOString().slice(0, 10) === d, { error: `${name} is not a calendar day` })
    .optional();
const key = (name: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${name} must not be empty` })
    .max(100, { error: `${name} is at most 100 characters` });
const keys = (name: string) =>
  z
    .array(key(name))
    .max(MAX_REPEATS, { error: `${name} may be given at most ${MAX_REPEATS} times` })
    .default([])
    .meta({ description: `may repeat; all must hold` });
const count = (name: string) =>
  z.coerce
    .number({ error: `${name} must be an integer` })
    .int({ error: `${name} must be an integer` })
    .min(0, { error: `${name} must not be negative` });

const where = z
  .array(z.string().max(1_000, { error: "a where is at most 1000 characters" }))
  .max(MAX_REPEATS, { error: `where may be given at most ${MAX_REPEATS} times` })
  .default([])
  .transform((list, ctx): DataCondition[] => {
    const out: DataCondition[] = [];
    for (const text of list) {
      const parsed = parseWhere(text);
      if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
      else out.push(parsed);
    }
    return out;
  })
  .meta({ description: "may repeat: `<path>:<op>:<value>` (split at the first two colons), all holding for one event matching hasType" });

const apiFields = {
  journey: key("journey").optional().meta({ description: "a journey's name; required with reached, notReached or dropReason" }),
  from: day("from").meta({ description: "UTC start day, inclusive" }),
  to: day("to").meta({ description: "UTC start day, inclusive" }),
  outcome: outcomeParam.optional().meta({ description: "completed, abandoned, browsed or live (booked: completed)" }),
  reached: keys("reached"),
  notReached: keys("notReached"),
  dropReason: key("dropReason").optional(),
  hasType: z
    .string()
    .regex(/^[^\s,]{1,200}$/, { error: "hasType must be one type or glob (`*` any run), without spaces or commas, at most 200 characters" })
    .optional()
    .meta({ description: "an event type or glob (`*` matches any run of characters)" }),
  where,
  minEvents: count("minEvents").optional(),
  limit: count("limit")
    .min(1, { error: "limit must be at least 1" })
    .max(SEARCH_LIMIT_MAX, { error: `limit must be at most ${SEARCH_LIMIT_MAX}` })
    .default(SEARCH_LIMIT_DEFAULT),
  cursor: z
    .string()
    .transform((text, ctx): SearchCursor => {
      const cursor = decodeCursor(text);
      if (!cursor) ctx.addIssue({ code: "custom", message: "cursor must be a `next` this API answered" });
      return cursor ?? { startedAt: new Date(0), id: "" };
    })
    .optional()
    .meta({ description: "the `next` of the page before" }),
};

export const searchQuerySchema = z.strictObject(apiFields);

/** What the sessions page's filter builder adds (not part of the API's contract). */
export const pageSearchQuerySchema = z.object({
  ...apiFields,
  maxEvents: count("maxEvents").optional(),
  minDuration: count("minDuration").optional().meta({ description: "seconds" }),
  maxDuration: count("maxDuration").optional().meta({ description: "seconds" }),
  dimension: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,40}:.{1,100}$/, { error: "dimension must be <dimension key>:<value>" }))
    .max(MAX_REPEATS)
    .default([]),
});

const REPEATABLE = new Set(["reached", "notReached", "where", "dimension"]);

/** The query as the schemas read it: repeatable parameters as lists; any other given twice is refused, by name. */
export function collectQuery(params: URLSearchParams): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  params.forEach((value, name) => {
    if (REPEATABLE.has(name)) raw[name] = [...((raw[name] as string[] | undefined) ?? []), value];
    else if (name in raw) throw new ApiError("invalid_request", `query parameter "${name}": given more than once`, { parameter: name });
    else raw[name] = value;
  });
  return raw;
}

export interface SearchRequest {
  filter: SessionSearchFilter;
  limit: number;
  cursor?: SearchCursor;
}

function refuse(error: z.ZodError): never {
  const issue = error.issues[0]!;
  const parameter = String(issue.path[0] ?? "");
  const message = issue.code === "unrecognized_keys" ? `not a parameter of this API (${issue.keys.join(", ")})` : issue.message;
  throw new ApiError("invalid_request", `query parameter "${issue.code === "unrecognized_keys" ? issue.keys[0] : parameter}": ${message}`, {
    parameter: issue.code === "unrecognized_keys" ? issue.keys[0] : parameter,
  });
}

function toFilter(q: z.output<typeof searchQuerySchema> & Partial<z.output<typeof pageSearchQuerySchema>>): SessionSearchFilter {
  if (q.from && q.to && q.from > q.to) throw new ApiError("invalid_request", 'query parameter "from": must not be after to', { parameter: "from" });
  if (!q.journey) {
    const needs = (["reached", "notReached", "dropReason"] as const).find((name) => (name === "dropReason" ? q.dropReason !== undefined : q[name].length > 0));
    if (needs)
      throw new ApiError("invalid_request", `query parameter "journey": required with ${needs} (steps and drop reasons are a journey's)`, {
        parameter: "journey",
      });
  }
  return {
    journey: q.journey,
    from: q.from,
    to: q.to,
    outcome: q.outcome,
    reached: q.reached,
    notReached: q.notReached,
    dropReason: q.dropReason,
    hasType: q.hasType,
    where: q.where,
    minEvents: q.minEvents,
    maxEvents: q.maxEvents,
    minDurationMs: q.minDuration === undefined ? undefined : q.minDuration * 1000,
    maxDurationMs: q.maxDuration === undefined ? undefined : q.maxDuration * 1000,
    dimensions: (q.dimension ?? []).map((d) => ({ key: d.slice(0, d.indexOf(":")), value: d.slice(d.indexOf(":") + 1) })),
  };
}

/** `GET /api/sessions`' query, or a 400 naming the parameter. */
export function parseSearchQuery(params: URLSearchParams): SearchRequest {
  const result = searchQuerySchema.safeParse(collectQuery(params));
  if (!result.success) refuse(result.error);
  return { filter: toFilter(result.data), limit: result.data.limit, cursor: result.data.cursor };
}

/** The sessions page's filter-builder query (the API's and its extras); other parameters are the page's own. */
export function parsePageSearchQuery(params: URLSearchParams): SearchRequest {
  const result = pageSearchQuerySchema.safeParse(collectQuery(params));
  if (!result.success) refuse(result.error);
  return { filter: toFilter(result.data), limit: result.data.limit, cursor: result.data.cursor };
}
