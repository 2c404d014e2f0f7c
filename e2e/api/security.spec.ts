import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { cloudEvent, serviceAuth, uniqueTag } from "../support/seed";

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/events", "/api/health", "/users?query=ab"]) {
    const res = await request.get(path);
    const headers = res.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("default-src 'self'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
  }
});

test("ingestion is rate limited per key: 429 with Retry-After, and the refused request writes nothing", async ({ request }) => {
  // A producer key of its own, so its bucket is not shared with the other tests.
  const output = execFileSync("node_modules/.bin/tsx", ["scripts/rewind.ts", "keys", "create", "producer", uniqueTag("rate")], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./test-results/e2e-store/rewind.db" },
  }).toString();
  const key = output.trim().split("\n").pop()!;
  const tag = uniqueTag("rate");
  const batch = (n: number) =>
    JSON.stringify(Array.from({ length: 5_000 }, (_, i) => cloudEvent({ id: `${tag}-${n}-${i}`, subject: `rate/${tag}` })));
  const post = (n: number) =>
    request.post("/api/events", {
      headers: { Authorization: `Bearer ${key}`, "content-type": "application/cloudevents-batch+json" },
      data: batch(n),
    });

  expect((await post(1)).status()).toBe(200);
  const refused = await post(2);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await refused.json()).error).toMatchObject({ code: "rate_limited", details: { events: 5_000 } });
  const stream = await request.get(`/api/streams/${encodeURIComponent(`rate/${tag}`)}?limit=1000&from=4990`, { headers: serviceAuth });
  const { events } = await stream.json();
  expect(events.map((e: { streamversion: number }) => e.streamversion).at(-1)).toBe(5_000);
});
