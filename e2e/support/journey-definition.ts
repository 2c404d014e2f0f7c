import { uniqueTag } from "./seed";

/** A test's own journey: a unique name, and the prefix of its own event types, so other tests' sessions fold as before. */
export function uniqueJourney(label: string, kind: string): { tag: string; prefix: string; name: string } {
  const tag = uniqueTag(label);
  const plain = tag.replace(/[^a-z0-9]/g, "");
  return { tag, prefix: `e2e${kind}${plain}`, name: `e2e-${plain.slice(-20)}` };
}

/**
 * A definition of viewed → carted → ordered over the test's own event types (`<prefix>.product.viewed`,
 * `.cart.added`, `.order.completed`); each test adds the facts, people or resume it is about.
 */
export function journeyDefinition(prefix: string, name: string, label: string) {
  return {
    name,
    label,
    priority: 20,
    claims: { types: [`${prefix}.*`], sources: ["*"] },
    steps: [
      { key: "viewed", label: "Viewed a product", when: { type: `${prefix}.product.viewed` } },
      { key: "carted", label: "Added to cart", when: { type: `${prefix}.cart.added` } },
      { key: "ordered", label: "Ordered", when: { type: `${prefix}.order.completed` } },
    ],
    outcome: { completed: "ordered", abandonedAfter: "carted" } as { completed: string; abandonedAfter: string; labels?: Record<string, string> },
  };
}

/** Whether a session of these event types reached step `key`: each step matched after the previous one (the step order). */
export function reachedStep(types: readonly string[], steps: readonly { key: string; when: { type: string } }[], key: string): boolean {
  let depth = 0;
  for (const type of types) if (depth < steps.length && type === steps[depth]!.when.type) depth++;
  return depth > steps.findIndex((s) => s.key === key);
}
