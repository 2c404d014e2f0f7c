import { z } from "zod";

/**
 * The personal-data policy: per event type, the JSON paths (inside `data`) that hold personal
 * data, and patterns that catch personal data anywhere (any string of any event, descriptions,
 * log lines). Paths are dot-separated keys, `[*]` for every element of an array:
 * `travellers[*].name`, `contact.email`; a key of `*` is every member of an object (`*` alone: the
 * whole of `data`, as for Segment's identify traits, whose names are the producer's).
 */
const PATH = /^(?:\*|[A-Za-z_$][\w$-]*)(?:\[\*\])?(?:\.(?:\*|[A-Za-z_$][\w$-]*)(?:\[\*\])?)*$/;

const patternSchema = z.object({
  name: z.string().trim().min(1).max(60),
  regex: z
    .string()
    .min(1)
    .max(500)
    .refine((source) => {
      try {
        // The flags the masker compiles with: a pattern valid without "u" can be invalid with it.
        new RegExp(source, "gu");
        return true;
      } catch {
        return false;
      }
    }, "not a valid regular expression"),
  check: z.enum(["luhn"]).optional(),
});

export const policySchema = z.object({
  fields: z.record(
    z.string().trim().min(1).max(200),
    z.array(z.string().regex(PATH, "a path is keys separated by dots, with [*] for every array element (travellers[*].name) and * for every member")).max(100),
  ),
  patterns: z.array(patternSchema).max(50),
});

export type PersonalDataPolicy = z.infer<typeof policySchema>;

/** What changed between two versions, in words for the history list. */
export function describePolicyChange(before: PersonalDataPolicy | null, after: PersonalDataPolicy): string {
  if (!before) return "first version";
  const parts: string[] = [];
  const types = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]);
  for (const type of [...types].sort()) {
    const was = new Set(before.fields[type] ?? []);
    const now = new Set(after.fields[type] ?? []);
    const added = [...now].filter((p) => !was.has(p));
    const removed = [...was].filter((p) => !now.has(p));
    if (added.length) parts.push(`${type}: + ${added.join(", ")}`);
    if (removed.length) parts.push(`${type}: − ${removed.join(", ")}`);
  }
  const beforePatterns = new Map(before.patterns.map((p) => [p.name, JSON.stringify(p)]));
  const afterPatterns = new Map(after.patterns.map((p) => [p.name, JSON.stringify(p)]));
  for (const [name, spec] of afterPatterns) {
    if (!beforePatterns.has(name)) parts.push(`pattern + ${name}`);
    else if (beforePatterns.get(name) !== spec) parts.push(`pattern ~ ${name}`);
  }
  for (const name of beforePatterns.keys()) if (!afterPatterns.has(name)) parts.push(`pattern − ${name}`);
  return parts.length > 0 ? parts.join("; ") : "no change";
}
