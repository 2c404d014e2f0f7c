import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_KEYS } from "../../playwright.config";
import { parsePrometheusText, sampleValue, type Sample } from "../support/prometheus-text";
import { appendBatch, cloudEvent, producerAuth, serviceAuth, uniqueTag } from "../support/seed";
import { createServiceKey } from "../support/service-key";

const tokenAuth = { Authorization: `Bearer ${E2E_KEYS.metrics}` };
const BATCH = "application/cloudevents-batch+json";

async function scrape(request: APIRequestContext, headers: Record<string, string> = tokenAuth): Promise<Sample[]> {
  const response = await request.get("/api/metrics", { headers });
  expect(response.status(), await response.text()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  return parsePrometheusText(await response.text());
}

const appended = (s: Sample[]) => sampleValue(s, "rewind_ingest_events_total", { outcome: "appended" });
const duplicates = (s: Sample[]) => sampleValue(s, "rewind_ingest_events_total", { outcome: "duplicate" });
const refusals = (s: Sample[], reason: string) => sampleValue(s, "rewind_ingest_refusals_total", { reason });
const served = (s: Sample[], route: string, method: string, status: string) =>
  sampleValue(s, "rewind_http_request_duration_seconds_count", { route, method, status });

test("ingestion counts exactly what was appended, duplicates and refusals by reason; HTTP latency by route pattern", async ({ request }) => {
  const tag = uniqueTag("metrics");
  const before = await scrape(request);
  const events = [1, 2, 3].map((i) => cloudEvent({ id: `${tag}-${i}`, subject: `metrics/${tag}` }));
  const first = await appendBatch(request, events);
  expect(first.results.map((r) => r.duplicate)).toEqual([false, false, false]);
  // The same first event again: stored once, counted as a duplicate.
  const again = await appendBatch(request, [events[0]!]);
  expect(again.results.map((r) => r.duplicate)).toEqual([true]);
  // Refused: an invalid event (422), and a service key trying to append (403).
  const invalid = await request.post("/api/events", {
    headers: { ...producerAuth, "content-type": BATCH },
    data: JSON.stringify([{ ...cloudEvent({ id: `${tag}-bad` }), specversion: "0.3" }]),
  });
  expect(invalid.status()).toBe(422);
  const wrongKey = await request.post("/api/events", { headers: { ...serviceAuth, "content-type": BATCH }, data: JSON.stringify(events) });
  expect(wrongKey.status()).toBe(403);
  // A read of one session by id: its latency is labelled with the pattern, not the id.
  const sessionId = `metrics-session-${tag}`;
  expect((await request.get(`/api/sessions/${sessionId}`, { headers: serviceAuth })).status()).toBe(404);

  const after = await scrape(request);
  // Counted from what the API answered (the results), compared with the counter's rise.
  expect(appended(after) - appended(before)).toBe(first.results.filter((r) => !r.duplicate).length);
  expect(appended(after) - appended(before)).toBe(3);
  expect(duplicates(after) - duplicates(before)).toBe(1);
  expect(refusals(after, "invalid_event") - refusals(before, "invalid_event")).toBe(1);
  expect(refusals(after, "forbidden") - refusals(before, "forbidden")).toBe(1);
  // Appends that reached the store: two requests (the refused ones never did).
  const appends = (s: Sample[]) => sampleValue(s, "rewind_append_duration_seconds_count");
  expect(appends(after) - appends(before)).toBe(2);

  expect(served(after, "/api/events", "POST", "200") - served(before, "/api/events", "POST", "200")).toBe(2);
  expect(served(after, "/api/events", "POST", "422") - served(before, "/api/events", "POST", "422")).toBe(1);
  expect(served(after, "/api/sessions/[sessionId]", "GET", "404") - served(before, "/api/sessions/[sessionId]", "GET", "404")).toBe(1);
  // The first scrape was served before the second began: counted with its route, with a bucket per bound.
  expect(served(after, "/api/metrics", "GET", "200")).toBeGreaterThanOrEqual(1);
  const buckets = after.filter((s) => s.name === "rewind_http_request_duration_seconds_bucket" && s.labels.route === "/api/metrics");
  expect(buckets.some((b) => b.labels.le === "+Inf")).toBe(true);
  // No label value is a path or an id the requests carried.
  const labelValues = after.flatMap((s) => Object.values(s.labels));
  expect(labelValues.filter((v) => v.includes(tag))).toEqual([]);
  const routes = new Set(after.filter((s) => s.name.startsWith("rewind_http_")).map((s) => s.labels.route));
  expect([...routes].filter((r) => r !== undefined && !r.startsWith("/") && r !== "unmatched")).toEqual([]);
});

test("projector lag, dead letters and the node's role are read from the store at scrape time", async ({ request }) => {
  const samples = await scrape(request);
  const names = new Set(samples.map((s) => s.name));
  const gauges = ["rewind_store_up", "rewind_projector_lag_events", "rewind_projector_lag_seconds", "rewind_projector_dead_letters", "rewind_projector_leader"];
  for (const name of gauges) {
    expect(names.has(name), name).toBe(true);
  }
  expect(sampleValue(samples, "rewind_store_up")).toBe(1);
  expect(sampleValue(samples, "rewind_projector_lag_events")).toBeGreaterThanOrEqual(0);
  expect(sampleValue(samples, "rewind_projector_lag_seconds")).toBeGreaterThanOrEqual(0);
  // The lag the health check reports is the same reading (positions, not time: it may have moved on by one page).
  const health = (await (await request.get("/api/health")).json()) as { projector: { deadLetters: number; role: string } };
  expect(sampleValue(samples, "rewind_projector_dead_letters")).toBe(health.projector.deadLetters);
  expect(sampleValue(samples, "rewind_projector_leader")).toBe(health.projector.role === "leader" ? 1 : 0);
  // A pool only on PostgreSQL; SQLite has none and says nothing.
  const onPostgres = (process.env.E2E_DATABASE_URL ?? "").startsWith("postgres");
  expect(names.has("rewind_db_pool_connections")).toBe(onPostgres);
  // The process's own metrics come with them.
  expect(names.has("process_cpu_user_seconds_total")).toBe(true);
});

test("a service key with metrics.read scrapes the same counters as the token", async ({ request }) => {
  const key = createServiceKey(uniqueTag("scraper"), "metrics.read");
  const byKey = await scrape(request, { Authorization: `Bearer ${key}` });
  const byToken = await scrape(request);
  // Nothing was appended in between: the ingest counters agree.
  expect(appended(byKey)).toBe(appended(byToken));
  expect(appended(byKey)).toBeGreaterThanOrEqual(3);
});

test("refuses without a token or key (401), and a wrong token, a producer key or a key without metrics.read (403), in the one error shape", async ({
  request,
}) => {
  const narrow = createServiceKey(uniqueTag("no-metrics"), "analytics.view");
  const cases: [Record<string, string>, number][] = [
    [{}, 401],
    [{ Authorization: `Bearer ${E2E_KEYS.metrics}x` }, 403],
    [{ Authorization: "Bearer not-the-token" }, 403],
    [producerAuth, 403],
    [{ Authorization: `Bearer ${narrow}` }, 403],
  ];
  for (const [headers, status] of cases) {
    const response = await request.get("/api/metrics", { headers });
    expect(response.status(), JSON.stringify(headers)).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string; details: unknown } };
    expect(body.error.code).toBe(status === 401 ? "unauthorized" : "forbidden");
    expect(typeof body.error.message).toBe("string");
    expect(body.error.details).toBeDefined();
  }
});

test("every response carries a request id: the client's when it is a safe token, else a new one", async ({ request }) => {
  const kept = await request.get("/api/health", { headers: { "x-request-id": "lb-7f3c2a9e" } });
  expect(kept.headers()["x-request-id"]).toBe("lb-7f3c2a9e");
  const replaced = await request.get("/api/health", { headers: { "x-request-id": "ann.smith@example.com" } });
  const id = replaced.headers()["x-request-id"] ?? "";
  expect(id).not.toBe("ann.smith@example.com");
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const fresh = [await request.get("/api/health"), await request.get("/sign-in")].map((r) => r.headers()["x-request-id"]);
  expect(fresh[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(fresh[1]).toMatch(/^[0-9a-f-]{36}$/);
  expect(fresh[0]).not.toBe(fresh[1]);
});
