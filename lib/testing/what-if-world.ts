import { readFileSync } from "node:fs";

/** The shop definition (lib/testing/fixtures/shop-journey.json) as applied, and a draft of it that changes boundaries and outcomes. */
export const SHOP_TEXT = readFileSync("lib/testing/fixtures/shop-journey.json", "utf8");

/**
 * The draft a what-if tries: a checkout counts as a sign-in (a signed-in visit that checks out is
 * cut in two: split), a sign-out no longer ends a visit (one that goes on after it is one visit:
 * merged), and a visit that only viewed is abandoned, not browsed (changed outcomes).
 */
export function shopDraftText(): string {
  const doc = JSON.parse(SHOP_TEXT) as Record<string, Record<string, unknown>>;
  doc.boundaries = { signIn: ["shop.user.signed_in", "shop.checkout.started"], signOut: [], expired: [] };
  doc.outcome = { ...doc.outcome, abandonedAfter: "viewed" };
  return JSON.stringify(doc, null, 2);
}

type Step = [type: string, data?: Record<string, unknown>];

const STORIES: Step[][] = [
  [
    ["product.viewed", { productId: "p1", name: "Oak chair" }],
    ["cart.added", { productId: "p1" }],
    ["order.completed", { total: 120 }],
  ],
  [["product.viewed", { productId: "p2", name: "Pine table" }]],
  [
    ["product.viewed", { productId: "p3", name: "Wool rug" }],
    ["cart.added", { productId: "p3" }],
    ["user.signed_out"],
    ["product.viewed", { productId: "p1", name: "Oak chair" }],
    ["cart.added", { productId: "p1" }],
    ["order.completed", { total: 80 }],
  ],
  [
    ["user.signed_in"],
    ["product.viewed", { productId: "p4", name: "Desk lamp" }],
    ["cart.added", { productId: "p4" }],
    ["checkout.started"],
    ["order.completed", { total: 40 }],
  ],
  [
    ["product.viewed", { productId: "p2", name: "Pine table" }],
    ["cart.added", { productId: "p2" }],
    ["payment.failed", { reason: "card_declined" }],
  ],
];

/** Shop visits over `days` days from `from`: each shopper a story a day, minutes apart within it. */
export function shopCloudEvents(from: string, days: number, shoppers: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < shoppers; i++) {
      const start = Date.parse(`${from}T08:00:00Z`) + d * 86_400_000 + i * 7 * 60_000;
      for (const [k, [type, data]] of STORIES[(i + d) % STORIES.length]!.entries()) {
        out.push({
          specversion: "1.0",
          id: `shop-${d}-${i}-${k}`,
          source: "shop/web",
          type: `shop.${type}`,
          time: new Date(start + k * 2 * 60_000).toISOString(),
          userid: `shopper-${i}`,
          datacontenttype: "application/json",
          data: data ?? {},
        });
      }
    }
  }
  return out;
}
