import type { EventShapeLimits } from "./limits";

export type ShapeLimitName = "depth" | "stringLength" | "keys" | "eventBytes" | "attributeBytes";

/**
 * The attributes the stores index. A PostgreSQL B-tree entry holds at most about 2,700 bytes (after
 * compression): an incompressible userid of 3,000 characters failed the append with a 500. 1,024
 * UTF-8 bytes each keeps a two-column entry (source and id) inside it, whatever the characters.
 */
export const INDEXED_ATTRIBUTES = ["id", "source", "type", "subject", "userid", "anonymousid", "sessionid", "correlationid", "causationid"] as const;
export const MAX_INDEXED_ATTRIBUTE_BYTES = 1_024;

export interface ShapeProblem {
  /** the top-level attribute holding the problem ("data", "subject"…), or null for the whole event */
  attribute: string | null;
  limit: ShapeLimitName;
  limitValue: number;
  message: string;
}

const ENV_OF: Record<ShapeLimitName, string> = {
  depth: "REWIND_MAX_NESTING_DEPTH",
  stringLength: "REWIND_MAX_STRING_LENGTH",
  keys: "REWIND_MAX_KEYS_PER_EVENT",
  eventBytes: "REWIND_MAX_EVENT_BYTES",
  attributeBytes: "fixed: PostgreSQL indexes it",
};

function problem(attribute: string | null, limit: ShapeLimitName, limitValue: number, what: string): ShapeProblem {
  return { attribute, limit, limitValue, message: `${what} is over the limit of ${limitValue} (${ENV_OF[limit]})` };
}

/**
 * Whether an event (its JSON form, as parsed) is one the stores can hold and the projector can
 * fold: nesting depth, string length, key count, then size. Iterative, with an explicit stack, so
 * an event nested 100,000 deep is refused rather than overflowing the call stack; it stops at the
 * first problem. Runs before any other validation, which may recurse. `data_base64` is bounded by
 * the event size only: it is one opaque string.
 */
export function eventShapeProblem(event: unknown, limits: EventShapeLimits): ShapeProblem | null {
  if (typeof event !== "object" || event === null) return null;
  for (const name of INDEXED_ATTRIBUTES) {
    const value = (event as Record<string, unknown>)[name];
    if (typeof value === "string" && value.length > MAX_INDEXED_ATTRIBUTE_BYTES / 4 && Buffer.byteLength(value) > MAX_INDEXED_ATTRIBUTE_BYTES) {
      return problem(name, "attributeBytes", MAX_INDEXED_ATTRIBUTE_BYTES, `${name} (${Buffer.byteLength(value)} bytes)`);
    }
  }
  let keys = 0;
  const stack: { value: unknown; depth: number; attribute: string | null }[] = [{ value: event, depth: 1, attribute: null }];
  while (stack.length > 0) {
    const { value, depth, attribute } = stack.pop()!;
    if (typeof value === "string") {
      if (value.length > limits.maxStringLength && attribute !== "data_base64") {
        return problem(attribute, "stringLength", limits.maxStringLength, `a string of ${value.length} characters`);
      }
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth > limits.maxDepth) return problem(attribute, "depth", limits.maxDepth, "the nesting depth");
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1, attribute });
      continue;
    }
    for (const key in value) {
      keys += 1;
      if (keys > limits.maxKeys) return problem(attribute, "keys", limits.maxKeys, "the number of keys");
      if (key.length > limits.maxStringLength) {
        return problem(attribute ?? key, "stringLength", limits.maxStringLength, `a key of ${key.length} characters`);
      }
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, attribute: attribute ?? key });
    }
  }
  // Depth is bounded now, so serialising cannot overflow the stack.
  const bytes = Buffer.byteLength(JSON.stringify(event));
  if (bytes > limits.maxEventBytes) return problem(null, "eventBytes", limits.maxEventBytes, `the event's size (${bytes} bytes)`);
  return null;
}
