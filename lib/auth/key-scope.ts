import { z } from "zod";
import { globListMatches, parseGlobList } from "../glob/glob";

/**
 * What a producer key may append: one source (null: any, the environment's key) and, optionally,
 * only event types matching its patterns (the product's glob syntax, lib/glob/glob.ts; null: any
 * type). A source alone does not stop a search service's key appending `payment.payment.succeeded`.
 */
export interface KeyScope {
  source: string | null;
  types: readonly string[] | null;
}

/** The first event of a request a key may not append, and why: which event, which attribute. */
export interface ScopeRefusal {
  index: number;
  id: string;
  attribute: "source" | "type";
  value: string;
  allowed: string | readonly string[];
  message: string;
}

export function firstOutOfScope(scope: KeyScope, events: readonly { id: string; source: string; type: string }[]): ScopeRefusal | null {
  for (const [index, event] of events.entries()) {
    const at = `event ${index} (id "${event.id}")`;
    if (scope.source !== null && event.source !== scope.source) {
      return {
        index,
        id: event.id,
        attribute: "source",
        value: event.source,
        allowed: scope.source,
        message: `${at}: this key appends for source "${scope.source}" only`,
      };
    }
    if (scope.types !== null && !globListMatches(scope.types, event.type)) {
      return {
        index,
        id: event.id,
        attribute: "type",
        value: event.type,
        allowed: scope.types,
        message: `${at}: type "${event.type}" is not one this key appends (${scope.types.join(", ")})`,
      };
    }
  }
  return null;
}

const MAX_PATTERNS = 50;
const MAX_PATTERN_LENGTH = 200;

/** Type patterns as typed (CLI, admin form): comma-separated; empty means any type. Names the pattern it refuses. */
export const typedKeyTypesSchema = z
  .string()
  .max(2_000)
  .transform((typed, ctx) => {
    const list = parseGlobList(typed);
    const bad = list.find((p) => /\s/.test(p) || p.length > MAX_PATTERN_LENGTH);
    if (bad !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `"${bad.slice(0, 60)}" is not one type pattern: no spaces inside, at most ${MAX_PATTERN_LENGTH} characters (a list is comma-separated)`,
      });
      return z.NEVER;
    }
    if (list.length > MAX_PATTERNS) {
      ctx.addIssue({ code: "custom", message: `at most ${MAX_PATTERNS} type patterns, not ${list.length}` });
      return z.NEVER;
    }
    return list.length === 0 ? null : list;
  });

/** Type patterns as stored: a JSON array (null: any type). */
export function readStoredKeyTypes(stored: string | null): string[] | null {
  if (stored === null) return null;
  return z.array(z.string()).parse(JSON.parse(stored));
}
