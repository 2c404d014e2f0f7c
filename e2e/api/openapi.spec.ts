import { expect, test } from "@playwright/test";
import { resumeAnswer } from "../../lib/openapi/answers/resume";
import { API_OPERATIONS } from "../../lib/openapi/registry";
import { seedUnfinishedBooking } from "../support/seed-booking";
import { serviceAuth } from "../support/seed";

test("GET /api/openapi.json serves the OpenAPI 3.1 document to anyone", async ({ request }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/events", "/api/users/{userId}/resume", "/api/openapi.json"]));
  expect(document.components.securitySchemes.serviceKey).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
});

test("the answers the document describes are the answers the routes give", async ({ request }) => {
  const seeded = await seedUnfinishedBooking(request);
  /** The live answer parsed with the very schema the registry documents for that operation. */
  const check = async (route: string, method: "GET" | "POST", path: string, data?: unknown) => {
    const operation = API_OPERATIONS.find((o) => o.route === route && o.method === method)!;
    const response = method === "GET" ? await request.get(path, { headers: serviceAuth }) : await request.post(path, { headers: serviceAuth, data });
    expect(response.status(), `${method} ${path}`).toBe(operation.answer.status ?? 200);
    const parsed = operation.answer.schema!.safeParse(await response.json());
    expect(parsed.success ? [] : parsed.error.issues, `${method} ${path}`).toEqual([]);
  };
  await check("/api/users/[userId]/resume", "GET", `/api/users/${seeded.user}/resume`);
  await check("/api/users/[userId]/sessions", "GET", `/api/users/${seeded.user}/sessions`);
  await check("/api/sessions/[sessionId]", "GET", `/api/sessions/${encodeURIComponent(seeded.sessionId)}?limit=5`);
  await check("/api/users", "GET", `/api/users?query=${seeded.user}&suggest=true`);
  await check("/api/events", "GET", "/api/events?limit=50");
  await check("/api/streams/[stream]", "GET", `/api/streams/${encodeURIComponent(`booking/${seeded.booking}`)}`);
  await check("/api/integrity", "GET", "/api/integrity");
  await check("/api/health", "GET", "/api/health");
  await check("/api/analytics/overview", "GET", "/api/analytics/overview?journey=holiday-booking&from=2026-06-01&to=2026-06-07");
  await check("/api/analytics/funnel", "GET", "/api/analytics/funnel?journey=holiday-booking&from=2026-06-01&to=2026-06-07");
  await check("/api/analytics/after-drop-off", "GET", "/api/analytics/after-drop-off?journey=holiday-booking&from=2026-06-01&to=2026-06-07&step=search");
  await check("/api/resume-links", "POST", "/api/resume-links", { userId: seeded.user });
  // Pinned as the contract says, not only as the schema allows.
  const resume = await (await request.get(`/api/users/${seeded.user}/resume`, { headers: serviceAuth })).json();
  expect(resumeAnswer.parse(resume).journey).toBe("holiday-booking");
});
