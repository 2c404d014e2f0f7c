import { expect, test } from "@playwright/test";
import { serviceAuth } from "../support/seed";
import { seedSimulatedWorld } from "../support/seed-world";
import { signedInAs } from "../support/signed-in";

// The days the filter builder's spec uses (the same world: appending it again is a no-op).
const FROM = "2031-03-02";
const TO = "2031-03-04";
const DAYS = `journey=holiday-booking&from=${FROM}&to=${TO}`;

test("GET /api/sessions pages every match once, with the exact total, and names what it refuses", async ({ request, baseURL }) => {
  await seedSimulatedWorld(request, { users: 20, days: 3, seed: "e2e-session-search", from: FROM });
  const get = async (query: string, client = request) => client.get(`/api/sessions?${query}`, { headers: client === request ? serviceAuth : {} });

  const all = await (await get(`${DAYS}&limit=500`)).json();
  expect(all.total).toBeGreaterThan(20);
  expect(all.sessions).toHaveLength(all.total);
  expect(all.next).toBeUndefined();
  const seen: string[] = [];
  let cursor = "";
  do {
    const page = await (await get(`${DAYS}&limit=9${cursor ? `&cursor=${cursor}` : ""}`)).json();
    expect(page.total).toBe(all.total);
    seen.push(...page.sessions.map((s: { id: string }) => s.id));
    cursor = page.next ?? "";
  } while (cursor);
  expect(seen).toEqual(all.sessions.map((s: { id: string }) => s.id));
  expect(all.sessions[0]).toMatchObject({ journey: "holiday-booking", firstMatch: { position: 0 } });

  for (const [query, parameter] of <[string, string][]>[
    ["reached=priced", "journey"],
    [`${DAYS}&reached=pricing`, "reached"],
    ["limit=501", "limit"],
    ["where=data.amount", "where"],
    ["hasType=payment.payment.failed&where=data.cardLast4:gt:1000", "where"],
    ["cursor=x", "cursor"],
  ]) {
    const refused = await get(query);
    expect(refused.status(), query).toBe(400);
    expect((await refused.json()).error.details.parameter, query).toBe(parameter);
  }
  expect((await get("journey=nowhere")).status()).toBe(404);

  // A personal path by a whole value: an analyst may not find customers, an agent may (and it is on record).
  const personal = "hasType=payment.payment.failed&where=data.cardLast4:eq:4242";
  const analyst = await signedInAs("analyst", baseURL!);
  const refused = await get(personal, analyst);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toContain("data.cardLast4 holds personal data");
  const agent = await signedInAs("agent", baseURL!);
  expect((await get(personal, agent)).status()).toBe(200);
});
