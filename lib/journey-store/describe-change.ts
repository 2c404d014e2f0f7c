import type { JourneyDocument } from "../journeys/definition/definition-schema";

/**
 * What changed between two versions of a journey definition, in words for its history (as the
 * personal-data policy's history reads): `label "Shop" → "Shop visits"; steps + paid; facts ~ value`.
 */
export function describeDefinitionChange(before: JourneyDocument | null, after: JourneyDocument): string {
  if (!before) return "first version";
  const parts: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (before.label !== after.label) parts.push(`label ${JSON.stringify(before.label)} → ${JSON.stringify(after.label)}`);
  if (before.priority !== after.priority) parts.push(`priority ${before.priority} → ${after.priority}`);
  parts.push(...keyedChanges("steps", before.steps, after.steps));
  const beforeOrder = before.steps.map((s) => s.key).filter((k) => after.steps.some((s) => s.key === k));
  const afterOrder = after.steps.map((s) => s.key).filter((k) => before.steps.some((s) => s.key === k));
  if (!same(beforeOrder, afterOrder)) parts.push(`steps reordered: ${after.steps.map((s) => s.key).join(" > ")}`);
  for (const list of ["facts", "dimensions", "dropReasons"] as const) parts.push(...keyedChanges(list, before[list] ?? [], after[list] ?? []));
  for (const field of ["claims", "boundaries", "outcome", "describe", "resume", "people"] as const) {
    if (!same(before[field], after[field])) parts.push(`${field} changed`);
  }
  return parts.length > 0 ? parts.join("; ") : "no change";
}

/** Entries added (+), removed (−) and changed (~) by key. */
function keyedChanges(field: string, before: readonly { key: string }[], after: readonly { key: string }[]): string[] {
  const was = new Map(before.map((item) => [item.key, JSON.stringify(item)]));
  const now = new Map(after.map((item) => [item.key, JSON.stringify(item)]));
  const added = [...now.keys()].filter((k) => !was.has(k));
  const removed = [...was.keys()].filter((k) => !now.has(k));
  const changed = [...now.keys()].filter((k) => was.has(k) && was.get(k) !== now.get(k));
  const out: string[] = [];
  if (added.length) out.push(`${field} + ${added.join(", ")}`);
  if (removed.length) out.push(`${field} − ${removed.join(", ")}`);
  if (changed.length) out.push(`${field} ~ ${changed.join(", ")}`);
  return out;
}
