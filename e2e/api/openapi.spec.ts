import { expect, test } from "@playwright/test";
import { z } from "zod";
import { cloudEventAnswer, sessionAnswer } from "../../lib/openapi/answers/common";
import { resumeAnswer } from "../../lib/openapi/answers/resume";
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
  const read = async (path: string) => {
    const response = await request.get(path, { headers: serviceAuth });
    expect(response.status(), path).toBe(200);
    return response.json();
  };
  resumeAnswer.parse(await read(`/api/users/${seeded.user}/resume`));
  z.object({ sessions: z.array(sessionAnswer) }).parse(await read(`/api/users/${seeded.user}/sessions`));
  z.object({ events: z.array(cloudEventAnswer) }).parse(await read("/api/events?limit=50"));
});
