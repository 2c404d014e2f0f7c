import { expect, test, type APIRequestContext } from "@playwright/test";
import { seedSimulatedWorld } from "../support/seed-world";
import { funnelAnswerSchema, overviewAnswerSchema, popularityAnswerSchema } from "../../lib/analytics/api-schemas";
import { producerAuth, serviceAuth } from "../support/seed";
import { signedInAs } from "../support/signed-in";

const FROM = "2026-03-09";
const TO = "2026-03-11";
const range = `from=${FROM}&to=${TO}`;

const seedWorld = (request: APIRequestContext) => seedSimulatedWorld(request, { users: 15, days: 3, seed: "e2e-analytics-api", from: FROM });

const get = async (request: APIRequestContext, path: string, headers: Record<string, string> = serviceAuth) => {
  const response = await request.get(path, { headers });
  return { status: response.status(), body: await response.json() };
};

test("the three answers have the contract's shape and agree with each other", async ({ request }) => {
  test.setTimeout(60_000);
  await seedWorld(request);
  const overview = await get(request, `/api/analytics/overview?journey=holiday-booking&${range}`);
  expect(overview.status).toBe(200);
  const o = overviewAnswerSchema.strict().parse(overview.body);
  expect(Object.keys(overview.body)).toEqual(["journey", "from", "to", "totals", "days"]);
  expect(o).toMatchObject({ journey: "holiday-booking", from: FROM, to: TO });
  expect(o.days.map((d) => d.day)).toEqual(["2026-03-09", "2026-03-10", "2026-03-11"]);
  expect(o.totals.sessions).toBeGreaterThan(0);
  expect(o.days.reduce((s, d) => s + d.sessions, 0)).toBe(o.totals.sessions);
  expect(o.days.reduce((s, d) => s + d.completed, 0)).toBe(o.totals.completed);
  const { completed, abandoned, browsed, live } = o.totals;
  expect(completed + abandoned + browsed + live).toBe(o.totals.sessions);

  const funnel = await get(request, `/api/analytics/funnel?journey=holiday-booking&${range}`);
  expect(funnel.status).toBe(200);
  const f = funnelAnswerSchema.parse(funnel.body);
  expect(Object.keys(funnel.body)).toEqual(["journey", "from", "to", "sessions", "steps"]);
  expect(Object.keys(funnel.body.steps[0])).toEqual(["key", "label", "sessions", "droppedOff", "medianSecondsFromPrevious", "dropReasons"]);
  expect(f.sessions).toBe(o.totals.sessions);
  expect(f.steps.map((s) => s.key)).toEqual(["search", "view_offer", "start_booking", "travellers_extras", "priced", "payment", "confirmed"]);
  expect(f.steps[0]!.label).toBe("Searched");
  f.steps.forEach((step, i) => {
    const next = f.steps[i + 1];
    // Dropped off: ended here without completing, each with its reason; a session still live here is neither.
    expect(step.droppedOff).toBe(step.dropReasons.reduce((s, r) => s + r.sessions, 0));
    if (next) expect(step.droppedOff).toBeLessThanOrEqual(step.sessions - next.sessions);
  });
  expect(f.steps[0]!.medianSecondsFromPrevious).toBeNull();

  const popularity = await get(request, `/api/analytics/popularity?journey=holiday-booking&dimension=country&${range}`);
  expect(popularity.status).toBe(200);
  const p = popularityAnswerSchema.parse(popularity.body);
  expect(Object.keys(popularity.body)).toEqual(["journey", "dimension", "rows"]);
  expect(p).toMatchObject({ journey: "holiday-booking", dimension: "country" });
  expect(p.rows.length).toBeGreaterThan(0);
  const sorted = [...p.rows].sort((a, b) => b.sessions - a.sessions || (a.value < b.value ? -1 : 1));
  expect(p.rows).toEqual(sorted);
  for (const r of p.rows) expect(r.completed).toBeLessThanOrEqual(r.sessions);
  const one = await get(request, `/api/analytics/popularity?journey=holiday-booking&dimension=country&${range}&limit=1`);
  expect(one.body.rows).toEqual(p.rows.slice(0, 1));
});

test("a missing or malformed parameter is a 400 naming it; an unknown journey or dimension a 404 naming it", async ({ request }) => {
  const cases: [string, number, string, RegExp][] = [
    [`/api/analytics/funnel?journey=holiday-booking&to=${TO}`, 400, "from", /from is required/],
    [`/api/analytics/overview?journey=holiday-booking&from=${FROM}`, 400, "to", /to is required/],
    [`/api/analytics/funnel?${range}`, 400, "journey", /journey is required/],
    [`/api/analytics/funnel?journey=holiday-booking&from=2026-3-9&to=${TO}`, 400, "from", /from must be a day, YYYY-MM-DD/],
    [`/api/analytics/overview?journey=holiday-booking&from=2026-02-30&to=${TO}`, 400, "from", /not a calendar day/],
    [`/api/analytics/overview?journey=holiday-booking&from=${TO}&to=${FROM}`, 400, "from", /from must not be after to/],
    [`/api/analytics/overview?journey=holiday-booking&from=2024-01-01&to=${TO}`, 400, "to", /at most 366 days/],
    [`/api/analytics/popularity?journey=holiday-booking&${range}`, 400, "dimension", /dimension is required/],
    [`/api/analytics/popularity?journey=holiday-booking&dimension=country&${range}&limit=1001`, 400, "limit", /limit must be at most 1000/],
    [`/api/analytics/popularity?journey=holiday-booking&dimension=country&${range}&limit=0`, 400, "limit", /limit must be at least 1/],
    [`/api/analytics/funnel?journey=no-such-journey&${range}`, 404, "journey", /no journey "no-such-journey"/],
    [`/api/analytics/popularity?journey=no-such-journey&dimension=country&${range}`, 404, "journey", /no journey "no-such-journey"/],
    [
      `/api/analytics/popularity?journey=holiday-booking&dimension=colour&${range}`,
      404,
      "dimension",
      /no dimension "colour": its dimensions are platform, device/,
    ],
  ];
  for (const [path, status, parameter, message] of cases) {
    const { status: got, body } = await get(request, path);
    expect({ path, got }).toEqual({ path, got: status });
    expect(body.error.details.parameter, path).toBe(parameter);
    expect(body.error.message, path).toMatch(message);
  }
});

test("service keys and analysts read the analytics API; other roles, producer keys and strangers do not", async ({ request, baseURL }) => {
  const path = `/api/analytics/overview?journey=holiday-booking&${range}`;
  expect((await request.get(path)).status()).toBe(401);
  expect((await request.get(path, { headers: producerAuth })).status()).toBe(403);
  expect((await request.get(path, { headers: serviceAuth })).status()).toBe(200);
  for (const [role, status] of [
    ["analyst", 200],
    ["admin", 200],
    ["agent", 403],
    ["auditor", 403],
  ] as const) {
    const client = await signedInAs(role, baseURL!);
    expect((await client.get(path)).status(), role).toBe(status);
    await client.dispose();
  }
});
