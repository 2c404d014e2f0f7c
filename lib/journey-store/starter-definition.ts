/** The example /admin/journeys offers ("Start from an example"): a small complete definition to change (docs/journeys.md explains each field). */
export const STARTER_DEFINITION = `{
  "name": "shop",
  "label": "Shop visits",
  "priority": 10,
  "claims": { "types": ["shop.*"], "sources": ["*"] },
  "boundaries": { "signIn": ["shop.user.signed_in"], "signOut": ["shop.user.signed_out"] },
  "steps": [
    { "key": "viewed", "label": "Viewed a product", "when": { "type": "shop.product.viewed" } },
    { "key": "carted", "label": "Added to cart", "when": { "type": "shop.cart.added" } },
    { "key": "ordered", "label": "Ordered", "when": { "type": "shop.order.completed" } }
  ],
  "outcome": { "completed": "ordered", "abandonedAfter": "carted", "labels": { "completed": "Ordered" } },
  "facts": [
    { "key": "product", "label": "Product", "from": "data.productId", "keep": "last" },
    { "key": "items", "label": "Items added", "when": { "type": "shop.cart.added" }, "keep": "count" }
  ],
  "describe": { "shop.product.viewed": "Viewed {data.name}", "*": "{type}" },
  "dimensions": [{ "key": "product", "label": "Product", "from": "data.productId", "labelFrom": "data.name" }],
  "people": { "name": ["data.customer.name"], "searchTerms": ["data.customer.email"] }
}
`;
