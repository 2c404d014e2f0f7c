/**
 * The one path syntax into an event (journeys, the personal-data policy, session search): names
 * joined by dots, `[*]` for every element of an array: `data.travellers[*].name`, `type`,
 * `source`, `subject`, `userid`, `anonymousid`, `sessionid`, or an extension name. A path is read
 * from the event as a plain object, so whatever the event carries at the top level is a name, and
 * an extension attribute is found at the top level (a CloudEvent) or in its `extensions` object.
 *
 * A path yields every value it reaches, in document order: none when a name is missing or a step
 * is not an object (a missing path yields nothing, it never throws), several through `[*]`.
 * Only own properties are read, so `constructor` or `__proto__` find nothing inherited.
 */
export type PathStep = { name: string } | "each";

export type CompiledPath = (root: unknown) => unknown[];

const PATH = /^[A-Za-z0-9_$@-]+(\[\*\]|\.[A-Za-z0-9_$@-]+)*$/;

/** Is this a path in the one syntax? (The definition schema checks the same pattern.) */
export function isEventPath(path: string): boolean {
  return PATH.test(path);
}

export function parsePath(path: string): PathStep[] {
  if (!isEventPath(path)) throw new Error(`"${path}" is not a path: dotted names, with [*] for every element of an array`);
  const steps: PathStep[] = [];
  for (const part of path.match(/\[\*\]|[^.[\]]+/g) ?? []) steps.push(part === "[*]" ? "each" : { name: part });
  return steps;
}

function step(values: unknown[], s: PathStep): unknown[] {
  const out: unknown[] = [];
  for (const value of values) {
    if (s === "each") {
      if (Array.isArray(value)) out.push(...value);
    } else if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, s.name)) {
      const next = (value as Record<string, unknown>)[s.name];
      if (next !== undefined) out.push(next);
    }
  }
  return out;
}

/**
 * The first name of a path, read from the root, or else from the root's `extensions` object when
 * it has one (an extension attribute kept beside the event's own attributes): `traceparent` finds
 * `{extensions: {traceparent}}` as it finds a CloudEvent's top-level `traceparent`. An extension's
 * value is a scalar (CloudEvents), so one that holds an object keeps it as JSON text (Segment's
 * `segmentcontext`): a path going on past it (`segmentcontext.page.url`) reads that text's object.
 */
function first(root: unknown, name: string, descends: boolean): unknown[] {
  const own = step([root], { name });
  if (own.length > 0 || root === null || typeof root !== "object" || !Object.hasOwn(root, "extensions")) return own;
  const found = step([(root as { extensions: unknown }).extensions], { name });
  return descends ? found.map(objectOfJsonText) : found;
}

function objectOfJsonText(value: unknown): unknown {
  if (typeof value !== "string" || !value.startsWith("{")) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** A path compiled once: a function from the root (an event, or its data) to the values found. */
export function compilePath(path: string): CompiledPath {
  const [head, ...rest] = parsePath(path) as [{ name: string }, ...PathStep[]];
  return (root) => {
    let values = first(root, head.name, rest.length > 0);
    for (const s of rest) {
      if (values.length === 0) break;
      values = step(values, s);
    }
    return values;
  };
}

const cache = new Map<string, CompiledPath>();

/** The values at a path (compiled on first use; a fold compiles its paths up front instead). */
export function valuesAt(root: unknown, path: string): unknown[] {
  let compiled = cache.get(path);
  if (!compiled) {
    if (cache.size >= 1_000) cache.clear();
    compiled = compilePath(path);
    cache.set(path, compiled);
  }
  return compiled(root);
}

/**
 * A found value as text, for facts, dimensions and templates: strings as they are, numbers and
 * booleans written out, objects and arrays as JSON; null is no value.
 */
export function valueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? null;
}
