import { globMatches } from "../../glob/glob";
import type { JourneyEvent } from "../journey-event";
import type { WhenCondition } from "./definition-schema";
import { compilePath } from "./paths";

/**
 * Which events something applies to (a step, a fact, a dimension, a drop reason): `type` and
 * `source` are globs; each `data` entry maps a path relative to `data` to a value (equality), to
 * `{"in": [...]}` or to `{"exists": true|false}`. Every condition given must hold; no condition
 * at all matches every event. Through `[*]` a condition holds when any element's value does.
 */
export type EventTest = (event: Pick<JourneyEvent, "type" | "source" | "data">) => boolean;

type Scalar = string | number | boolean | null;
type DataCondition = NonNullable<WhenCondition["data"]>[string];

function valueTest(condition: DataCondition): (values: unknown[]) => boolean {
  if (condition !== null && typeof condition === "object") {
    if ("exists" in condition) return condition.exists ? (values) => values.length > 0 : (values) => values.length === 0;
    const allowed = new Set<Scalar>(condition.in);
    return (values) => values.some((v) => allowed.has(v as Scalar));
  }
  return (values) => values.some((v) => v === condition);
}

export function compileWhen(when: WhenCondition | undefined): EventTest {
  if (!when) return () => true;
  const tests: EventTest[] = [];
  const { type, source, data } = when;
  if (type !== undefined) tests.push(type.includes("*") ? (e) => globMatches(type, e.type) : (e) => e.type === type);
  if (source !== undefined) tests.push(source.includes("*") ? (e) => globMatches(source, e.source) : (e) => e.source === source);
  for (const [path, condition] of Object.entries(data ?? {})) {
    // Read from the event (not from its data) so only an event's own extensions are ever looked into.
    const at = compilePath(`data.${path}`);
    const holds = valueTest(condition);
    tests.push((e) => holds(at(e)));
  }
  if (tests.length === 1) return tests[0]!;
  return (event) => tests.every((test) => test(event));
}
