import { z } from "zod";
import { parseDigest } from "../integrity/chain";
import { ApiError } from "../http/errors";

const count = (name: string, fallback: number, max?: number) =>
  z.coerce
    .number({ error: `${name} must be an integer` })
    .int({ error: `${name} must be an integer` })
    .min(0, { error: `${name} must not be negative` })
    .max(max ?? Number.MAX_SAFE_INTEGER, { error: `${name} must be at most ${max}` })
    .default(fallback);

export const feedQuerySchema = z.object({
  after: count("after", 0),
  limit: count("limit", 100, 1_000).refine((n) => n > 0, { error: "limit must be at least 1" }),
});

export const streamQuerySchema = z.object({
  from: count("from", 1).refine((n) => n > 0, { error: "from must be at least 1" }),
  limit: count("limit", 1_000, 1_000).refine((n) => n > 0, { error: "limit must be at least 1" }),
});

export const userSearchSchema = z.object({
  query: z.string({ error: "query is required" }).trim().min(2, { error: "query must have at least 2 characters" }).max(200),
  /** a suggestion while typing: rate limited like any search, not on record (the settled one is) */
  suggest: z
    .enum(["true", "false"], { error: "suggest must be true or false" })
    .optional()
    .transform((v) => v === "true"),
});

export const timelineQuerySchema = z.object({
  from: count("from", 0),
  limit: count("limit", 500, 2_000).refine((n) => n > 0, { error: "limit must be at least 1" }),
});

export const verifyQuerySchema = z.object({
  digest: z
    .string()
    .trim()
    .optional()
    .transform((text, ctx) => {
      if (!text) return null;
      const digest = parseDigest(text);
      if (!digest) ctx.addIssue({ code: "custom", message: "digest must look like rewind-digest:v1:<position>:<link>, as /api/integrity gives it" });
      return digest;
    }),
});

/** A position or sequence number the caller must give (no default: a missing one is a bug in the caller). */
const required = (name: string, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: `${name} is required, an integer` })
    .int({ error: `${name} must be an integer` })
    .min(0, { error: `${name} must not be negative` })
    .max(max, { error: `${name} must be at most ${max}` });

// The replay's background reads pass back the grant its page load (or a reveal) issued.
const grant = z.string({ error: "grant is required" }).min(1, { error: "grant is required" }).max(2_000);

export const replayBlockQuerySchema = z.object({ block: required("block", 10_000_000), grant });

export const replayFromQuerySchema = z.object({ from: required("from", 10_000_000), grant });

/** The explorer's filter as its URL has it: each value at most 500 characters, read as tolerantly as the page reads it. */
export const explorerFilterQuerySchema = z.record(z.string(), z.string().max(500, { error: "a filter is at most 500 characters" }));

export const newerEventsQuerySchema = z.object({ after: required("after") });

export const olderEventsQuerySchema = z.object({ before: required("before") });

/** Parses query parameters with a schema, refusing with 400 and the parameter named. */
export function parseQuery<T extends z.ZodType>(schema: T, params: URLSearchParams): z.output<T> {
  const raw: Record<string, string> = {};
  params.forEach((value, key) => {
    raw[key] = value;
  });
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const parameter = String(issue.path[0] ?? "");
    throw new ApiError("invalid_request", `query parameter "${parameter}": ${issue.message}`, { parameter });
  }
  return result.data;
}

/** GET /admin/erasure/export: the customer whose subject-access export to download. */
export const customerExportQuerySchema = z.object({
  user: z
    .string()
    .trim()
    .min(1, "give the customer's user id or reference")
    .max(512, "at most 512 characters")
    .meta({ description: "the customer's user id or reference" }),
});
