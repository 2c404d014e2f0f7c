import { z } from "zod";
import { placeholdersOf, RESUME_PLACEHOLDER } from "./templates";

/**
 * A journey described as data (a public contract: the names and meanings are fixed; docs/journeys.md
 * explains each). Validated with zod; an error names the JSON path that is wrong
 * (`steps[2].when.type`), see `validateJourneyDocument`.
 */

/** One glob, or a list of them (the product's one glob syntax, lib/glob). */
const globs = z.array(z.string().min(1).max(200)).max(100);

/** A path into an event: dotted, `[*]` for every element of an array (lib/journeys/definition/paths.ts). */
export const eventPath = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_$@-]+(\[\*\]|\.[A-Za-z0-9_$@-]+)*$/, "a path is dotted names, with [*] for every element of an array");

/** A condition on one value of `data`: equality, one of a list, or present / absent. */
const dataCondition = z.union([
  z.strictObject({ in: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).max(1000) }),
  z.strictObject({ exists: z.boolean() }),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
]);

/** Which events something applies to: every condition given must hold. */
export const whenSchema = z.strictObject({
  type: z.string().min(1).max(200).optional(),
  source: z.string().min(1).max(200).optional(),
  /** paths relative to `data` (the one path syntax) */
  data: z.record(eventPath, dataCondition).optional(),
});

const key = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "a key is 1 to 40 letters, digits, - or _");
const label = z.string().min(1).max(120);

const step = z.strictObject({ key, label, when: whenSchema });

const fact = z.strictObject({
  key,
  label,
  from: eventPath.optional(),
  when: whenSchema.optional(),
  keep: z.enum(["last", "first", "count", "sum", "max", "min", "set"]),
});

const dimension = z.strictObject({ key, label, from: eventPath, labelFrom: eventPath.optional(), when: whenSchema.optional() });

const dropReason = z.strictObject({ key, label, when: whenSchema });

export const journeyDocumentSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, "a name is 1 to 40 lower-case letters, digits or -")
      // /api/journeys/what-if is the what-if jobs' route, so a journey of that name could not be read at /api/journeys/<name>.
      .refine((name) => name !== "what-if", "what-if is taken by /api/journeys/what-if: choose another name"),
    label,
    priority: z.number().int().min(-1_000_000).max(1_000_000),
    claims: z.strictObject({ types: globs.min(1), sources: globs.min(1) }),
    boundaries: z.strictObject({ signIn: globs.optional(), signOut: globs.optional(), expired: globs.optional() }).optional(),
    steps: z.array(step).min(1).max(50),
    outcome: z.strictObject({
      completed: key,
      abandonedAfter: key.optional(),
      // partial: a journey names only the outcomes it words differently (a zod record of an enum wants them all)
      labels: z.partialRecord(z.enum(["completed", "abandoned", "browsed", "live"]), label).optional(),
    }),
    facts: z.array(fact).max(100).optional(),
    describe: z.record(z.string().min(1).max(200), z.string().max(500)).optional(),
    dimensions: z.array(dimension).max(20).optional(),
    dropReasons: z.array(dropReason).max(50).optional(),
    resume: z.strictObject({ url: z.string().min(1).max(2000) }).optional(),
    people: z.strictObject({ name: z.array(eventPath).max(20).optional(), searchTerms: z.array(eventPath).max(50).optional() }).optional(),
  })
  .superRefine((doc, ctx) => {
    const stepKeys = doc.steps.map((s) => s.key);
    doc.steps.forEach((s, i) => {
      if (stepKeys.indexOf(s.key) !== i) ctx.addIssue({ code: "custom", path: ["steps", i, "key"], message: `step key "${s.key}" is used twice` });
    });
    if (!stepKeys.includes(doc.outcome.completed)) {
      ctx.addIssue({ code: "custom", path: ["outcome", "completed"], message: `"${doc.outcome.completed}" is not a step key` });
    }
    if (doc.outcome.abandonedAfter !== undefined && !stepKeys.includes(doc.outcome.abandonedAfter)) {
      ctx.addIssue({ code: "custom", path: ["outcome", "abandonedAfter"], message: `"${doc.outcome.abandonedAfter}" is not a step key` });
    }
    const unique = (list: { key: string }[] | undefined, field: string) =>
      list?.forEach((item, i) => {
        if (list.findIndex((x) => x.key === item.key) !== i)
          ctx.addIssue({ code: "custom", path: [field, i, "key"], message: `key "${item.key}" is used twice` });
      });
    unique(doc.facts, "facts");
    unique(doc.dimensions, "dimensions");
    unique(doc.dropReasons, "dropReasons");
    const factKeys = new Set((doc.facts ?? []).map((f) => f.key));
    if (doc.resume) {
      for (const name of placeholdersOf(doc.resume.url)) {
        const known = RESUME_PLACEHOLDER.test(name) && (!name.startsWith("facts.") || factKeys.has(name.slice(6)));
        if (!known)
          ctx.addIssue({ code: "custom", path: ["resume", "url"], message: `{${name}} is not {facts.<a fact key>}, {userid}, {sessionid} or {token}` });
      }
    }
    doc.facts?.forEach((f, i) => {
      if (f.keep !== "count" && f.from === undefined)
        ctx.addIssue({ code: "custom", path: ["facts", i, "from"], message: `keep "${f.keep}" needs a path to read` });
    });
  });

export type JourneyDocument = z.infer<typeof journeyDocumentSchema>;
export type WhenCondition = z.infer<typeof whenSchema>;

/** A zod issue's path as JSON people read it: `steps[2].when.type`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? String(part) : `.${String(part)}`;
  return out === "" ? "(the document)" : out;
}

export interface DefinitionError {
  path: string;
  message: string;
}

/**
 * An issue as errors people can act on: an unknown field is named at its own path (`steps[1].when.colour`),
 * and a bad key of a record (a `when.data` path) says what is wrong with the key, not only that it is.
 */
function errorsOf(issue: z.core.$ZodIssue): DefinitionError[] {
  if (issue.code === "unrecognized_keys") return issue.keys.map((k) => ({ path: jsonPath([...issue.path, k]), message: `"${k}" is not a field here` }));
  if (issue.code === "invalid_key")
    return [{ path: jsonPath(issue.path), message: `the key is not valid: ${issue.issues.map((inner) => inner.message).join("; ")}` }];
  return [{ path: jsonPath(issue.path), message: issue.message }];
}

/** Validates a parsed JSON value as a journey definition; errors name their JSON path. */
export function validateJourneyDocument(value: unknown): { ok: true; document: JourneyDocument } | { ok: false; errors: DefinitionError[] } {
  const parsed = journeyDocumentSchema.safeParse(value);
  if (parsed.success) return { ok: true, document: parsed.data };
  return { ok: false, errors: parsed.error.issues.flatMap(errorsOf) };
}
