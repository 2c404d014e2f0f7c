import { expect, test } from "@playwright/test";
import { serviceAuth } from "../support/seed";

test.describe("GET /api/journeys", () => {
  test("lists the built-in journey, marked so, with its steps", async ({ request }) => {
    const response = await request.get("/api/journeys", { headers: serviceAuth });
    expect(response.status()).toBe(200);
    const { journeys } = await response.json();
    expect(journeys).toContainEqual(
      expect.objectContaining({
        name: "holiday-booking",
        builtIn: true,
        version: null,
        priority: 0,
        steps: expect.arrayContaining([expect.objectContaining({ key: expect.any(String) })]),
      }),
    );
  });

  test("answers one journey; an unknown name is a 404 naming it, a bad version a 400 naming the parameter", async ({ request }) => {
    const builtIn = await (await request.get("/api/journeys/holiday-booking", { headers: serviceAuth })).json();
    expect(builtIn).toMatchObject({ name: "holiday-booking", builtIn: true, definition: null, history: [] });
    const unknown = await request.get("/api/journeys/no-such-journey", { headers: serviceAuth });
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { code: "not_found", message: 'no journey named "no-such-journey"', details: { journey: "no-such-journey" } },
    });
    const badVersion = await request.get("/api/journeys/holiday-booking?version=first", { headers: serviceAuth });
    expect(badVersion.status()).toBe(400);
    expect(await badVersion.json()).toMatchObject({ error: { code: "invalid_request", details: { parameter: "version" } } });
  });
});
