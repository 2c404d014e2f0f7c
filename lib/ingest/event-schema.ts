import { z } from "zod";
import { isReference } from "../users/reference-format";

/** CloudEvents 1.0: extension attribute names are lower-case ASCII letters and digits. */
export const ATTRIBUTE_NAME = /^[a-z0-9]+$/;

/** Names Rewind adds when it serves an event back; a producer may not use them. */
export const SERVED_ATTRIBUTES = new Set(["position", "streamversion", "recordedtime"]);

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** An RFC 3339 timestamp that names a real instant (no 30 February, no hour 25). */
export function parseRfc3339(value: string): Date | null {
  const m = RFC3339.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = mo === 2 && !leap ? 28 : DAYS_IN_MONTH[mo - 1];
  if (days === undefined || d < 1 || d > days || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60) {
    return null;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

const nonEmpty = (name: string) => z.string({ error: `${name} must be a non-empty string` }).min(1, { error: `${name} must be a non-empty string` });

/** Rewind's own extensions are identifiers: strings, or integers that are read as their digits. */
const identifier = (name: string) => z.union([nonEmpty(name), z.number().int()], { error: `${name} must be a non-empty string` }).transform((v) => String(v));

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * A string the stores cannot keep as sent: PostgreSQL refuses the NUL character in text and
 * jsonb, and a lone UTF-16 surrogate (not Unicode at all) is refused by jsonb and silently
 * replaced by SQLite, so the event read back would not be the event appended.
 */
function unstorable(text: string): boolean {
  return text.indexOf("\u0000") !== -1 || !(text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Whether a value holds an unstorable string anywhere (keys included): allocation-free, it runs on every event. */
function holdsUnstorable(value: unknown): boolean {
  if (typeof value === "string") return unstorable(value);
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (holdsUnstorable(value[i])) return true;
    return false;
  }
  for (const key in value) {
    if (unstorable(key) || holdsUnstorable((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** Where a value holds an unstorable string, as a path, or null. */
function pathToUnstorable(value: unknown, path: (string | number)[]): (string | number)[] | null {
  if (!holdsUnstorable(value)) return null;
  if (typeof value === "string") return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (holdsUnstorable(value[i])) return pathToUnstorable(value[i], [...path, i]);
    return null;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (unstorable(key)) return [...path, key];
    if (holdsUnstorable(item)) return pathToUnstorable(item, [...path, key]);
  }
  return null;
}

/** The refusal for an event holding an unstorable string, naming where; null when there is none. */
export function unstorableProblem(value: unknown, path: (string | number)[]): { path: (string | number)[]; message: string } | null {
  const at = pathToUnstorable(value, path);
  if (!at) return null;
  const where = at.join(".");
  return { path: at, message: `${where} contains the NUL character (\\u0000) or a lone UTF-16 surrogate, which the store cannot keep` };
}

export const cloudEventSchema = z
  .object({
    specversion: z.literal("1.0", { error: 'specversion must be "1.0"' }),
    id: nonEmpty("id"),
    source: nonEmpty("source"),
    type: nonEmpty("type"),
    subject: nonEmpty("subject").optional(),
    time: z
      .string({ error: "time must be an RFC 3339 timestamp" })
      .transform((value, ctx) => {
        const date = parseRfc3339(value);
        if (!date) ctx.addIssue({ code: "custom", message: `time "${value}" is not an RFC 3339 timestamp` });
        return date ?? new Date(0);
      })
      .optional(),
    datacontenttype: nonEmpty("datacontenttype").optional(),
    dataschema: nonEmpty("dataschema").optional(),
    data: z.unknown().optional(),
    data_base64: z
      .string({ error: "data_base64 must be a base64 string" })
      .refine((v) => v.length % 4 === 0 && BASE64.test(v), { error: "data_base64 is not valid base64" })
      .optional(),
    userid: identifier("userid")
      .refine((id) => !isReference(id), { error: "userid has the shape of a customer reference (cus_ and 20 hex digits), which Rewind assigns itself" })
      .optional(),
    anonymousid: identifier("anonymousid").optional(),
    sessionid: identifier("sessionid").optional(),
    correlationid: identifier("correlationid").optional(),
    causationid: identifier("causationid").optional(),
    expectedversion: z
      .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)], {
        error: "expectedversion must be a non-negative integer",
      })
      .optional(),
  })
  .catchall(
    z.union([z.string(), z.number(), z.boolean()], {
      error: "an extension attribute's value must be a string, a number or a boolean",
    }),
  )
  .superRefine((event, ctx) => {
    for (const name of Object.keys(event)) {
      if (name === "data_base64") continue;
      if (!ATTRIBUTE_NAME.test(name)) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `attribute name "${name}" is not lower-case letters and digits`,
        });
      } else if (SERVED_ATTRIBUTES.has(name)) {
        ctx.addIssue({ code: "custom", path: [name], message: `"${name}" is reserved: Rewind sets it when serving events` });
      }
    }
    const unstorableAt = unstorableProblem(event, []);
    if (unstorableAt) ctx.addIssue({ code: "custom", path: unstorableAt.path, message: unstorableAt.message });
    if (event.data !== undefined && event.data_base64 !== undefined) {
      ctx.addIssue({ code: "custom", path: ["data_base64"], message: "an event has data or data_base64, not both" });
    }
  });

export type ParsedCloudEvent = z.output<typeof cloudEventSchema>;
