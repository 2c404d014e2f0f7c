import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { E2E_KEYS } from "../../playwright.config";
import { cloudEvent, serviceAuth, uniqueTag } from "../support/seed";
import { seedUserSession } from "../support/seed-session";
import { signedInAs } from "../support/signed-in";

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
  const batch = (n: number) => JSON.stringify(Array.from({ length: 5_000 }, (_, i) => cloudEvent({ id: `${tag}-${n}-${i}`, subject: `rate/${tag}` })));
  const post = (n: number) =>
    request.post("/api/events", {
      headers: { Authorization: `Bearer ${key}`, "content-type": "application/cloudevents-batch+json" },
      data: batch(n),
    });

  // Four batches at once: 20,000 events against bursts of 8,000 refilled at 2,000 a second. Sent
  // one after the other, the second batch's wait (the first one's append, on a busy machine) could
  // refill enough to let it through; at once, all four would need six seconds of refill.
  const answers = await Promise.all([1, 2, 3, 4].map(post));
  const accepted = answers.filter((a) => a.status() === 200).length;
  const refused = answers.filter((a) => a.status() === 429);
  expect(answers.every((a) => a.status() === 200 || a.status() === 429)).toBe(true);
  expect(accepted).toBeGreaterThanOrEqual(1);
  expect(refused.length).toBeGreaterThanOrEqual(1);
  for (const answer of refused) {
    expect(Number(answer.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await answer.json()).error).toMatchObject({ code: "rate_limited", details: { events: 5_000 } });
  }
  // Refused batches wrote nothing: the stream holds exactly the accepted ones, versions 1…n.
  const last = accepted * 5_000;
  const stream = await request.get(`/api/streams/${encodeURIComponent(`rate/${tag}`)}?limit=1000&from=${last - 9}`, { headers: serviceAuth });
  const { events } = await stream.json();
  expect(events.map((e: { streamversion: number }) => e.streamversion)).toEqual(Array.from({ length: 10 }, (_, i) => last - 9 + i));
});

test("state-changing requests from another site are refused, whatever they carry", async ({ request, baseURL }) => {
  const signIn = (headers: Record<string, string>) =>
    request.post("/api/auth/sign-in/email", { headers, data: { email: "admin@e2e.test", password: "e2e-admin-password" } });
  expect((await signIn({ origin: "https://evil.example" })).status()).toBe(403);
  expect((await signIn({ origin: baseURL!, "sec-fetch-site": "cross-site" })).status()).toBe(403);
  // A server action (the explorer's) posted from another origin never reaches the action.
  const action = await request.post("/events", { headers: { origin: "https://evil.example", "next-action": "0".repeat(40) }, data: "[]" });
  expect(action.status()).toBe(403);
  const append = await request.post("/api/events", {
    headers: { ...producerAuthHeaders(), origin: "https://evil.example", "content-type": "application/cloudevents+json" },
    data: JSON.stringify(cloudEvent({ id: uniqueTag("csrf") })),
  });
  expect(append.status()).toBe(403);
});

test("sign-in is rate limited per account and per client address", async ({ request, baseURL }) => {
  const attempt = (email: string, address: string) =>
    request.post("/api/auth/sign-in/email", { headers: { origin: baseURL!, "x-forwarded-for": address }, data: { email, password: "not the password" } });
  // One account from many addresses: the eleventh attempt within a minute is refused.
  const account = `${uniqueTag("locked")}@e2e.test`;
  const perAccount: number[] = [];
  for (let i = 0; i < 11; i++) perAccount.push((await attempt(account, `198.51.100.${i + 1}`)).status());
  expect(perAccount.slice(0, 10).every((s) => s === 401)).toBe(true);
  expect(perAccount[10]).toBe(429);
  // One address trying many accounts: refused after ten.
  const perAddress: number[] = [];
  for (let i = 0; i < 11; i++) perAddress.push((await attempt(`${uniqueTag("spray")}@e2e.test`, "203.0.113.77")).status());
  expect(perAddress.slice(0, 10).every((s) => s === 401)).toBe(true);
  expect(perAddress[10]).toBe(429);
});

function producerAuthHeaders() {
  return { Authorization: `Bearer ${E2E_KEYS.ingest}` };
}

test("sign-in never sends anyone to another site, and Better Auth's admin endpoints are not reachable", async ({ baseURL }) => {
  const admin = await signedInAs("admin", baseURL!);
  for (const next of [
    "//evil.example",
    "/%09/evil.example",
    "/\\evil.example",
    "https://evil.example",
    "/.//evil.example/x",
    "/..//evil.example",
    "/%2f%2fevil.example",
    "/%5cevil.example",
  ]) {
    const response = await admin.get(`/sign-in?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
    expect(response.status(), next).toBe(307);
    const location = response.headers().location!;
    expect(new URL(location, baseURL).origin, next).toBe(new URL(baseURL!).origin);
    expect(location, next).not.toMatch(/^[\\/][\\/]/);
  }
  for (const path of [
    "/api/auth/admin/list-users",
    "/api/auth/admin/set-role",
    "/api/auth/admin/impersonate-user",
    "/api/auth/sign-up/email",
    "/api/auth/update-user",
  ]) {
    const response = await admin.post(path, { headers: { origin: baseURL! }, data: { userId: "x", role: "admin" } });
    expect(response.status(), path).toBe(404);
  }
});

test("an export opened from another site is refused", async ({ request, baseURL }) => {
  const agent = await signedInAs("agent", baseURL!);
  const seeded = await seedUserSession(request);
  expect((await agent.get(`/sessions/${seeded.sessionId}/export/json`, { headers: { "sec-fetch-site": "cross-site" } })).status()).toBe(403);
  expect((await agent.get(`/sessions/${seeded.sessionId}/export/json`, { headers: { "sec-fetch-site": "same-origin" } })).status()).toBe(200);
  // The printable summary is an export too (it records session.exported).
  expect((await agent.get(`/sessions/${seeded.sessionId}/print`, { headers: { "sec-fetch-site": "cross-site" } })).status()).toBe(403);
  expect((await agent.get(`/sessions/${seeded.sessionId}/print`, { headers: { "sec-fetch-site": "same-origin" } })).status()).toBe(200);
});
