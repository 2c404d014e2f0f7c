import { execFileSync } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";

interface Health {
  status: string;
  projector: { state: string; position: number; head: number; lag: number; deadLetters: number; role: string };
}
const health = async (request: APIRequestContext) => (await (await request.get("/api/health")).json()) as Health;

test("health answers one shape, without a key, and nothing personal in it", async ({ request }) => {
  const tag = uniqueTag("health");
  await appendBatch(request, [cloudEvent({ id: `${tag}-1`, subject: `h/${tag}`, userid: `${tag}@example.com` })]);
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as Health;
  expect(Object.keys(body).sort()).toEqual(["projector", "status"]);
  expect(Object.keys(body.projector).sort()).toEqual(["deadLetters", "head", "lag", "position", "role", "state"]);
  // The only node: it holds the leader lease.
  expect(body.projector.role).toBe("leader");
  expect(["ok", "degraded"]).toContain(body.status);
  expect(["caught-up", "catching-up", "rebuilding", "failing"]).toContain(body.projector.state);
  expect(body.projector.lag).toBe(body.projector.head - body.projector.position);
  expect(JSON.stringify(body)).not.toContain(tag);
  await expect.poll(async () => (await health(request)).projector.state, { timeout: 15_000 }).toBe("caught-up");
  expect(await health(request)).toMatchObject({ status: "ok", projector: { lag: 0 } });
});

test("projections rebuild, run beside the server, prints its progress and switches in the same sessions", async ({ request }) => {
  test.setTimeout(90_000);
  const tag = uniqueTag("rebuild");
  const user = `u-${tag}`;
  await appendBatch(request, [
    cloudEvent({ id: `${tag}-1`, subject: `r/${tag}`, userid: user, time: "2026-06-03T10:00:00Z" }),
    cloudEvent({ id: `${tag}-2`, subject: `r/${tag}`, userid: user, time: "2026-06-03T10:01:00Z" }),
    cloudEvent({ id: `${tag}-3`, subject: `r/${tag}`, userid: user, time: "2026-06-04T10:00:00Z" }),
  ]);
  const sessionsOf = async () =>
    ((await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json()) as { sessions?: { id: string; eventCount: number }[] })
      .sessions ?? [];
  await expect.poll(async () => (await sessionsOf()).length, { timeout: 15_000 }).toBe(2);
  const before = (await sessionsOf()).map((s) => [s.id, s.eventCount]).sort();

  const output = execFileSync("node_modules/.bin/tsx", ["scripts/rewind.ts", "projections", "rebuild"], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./test-results/e2e-store/rewind.db" },
  }).toString();
  expect(output).toMatch(/Preparing generation \d+ of the read models: \d+% \([\d,]+ of [\d,]+ events\)/);
  expect(output).toMatch(/Rebuilt: \d+ events folded into \d+ sessions/);

  await expect.poll(async () => (await health(request)).projector.state, { timeout: 15_000 }).toBe("caught-up");
  expect((await sessionsOf()).map((s) => [s.id, s.eventCount]).sort()).toEqual(before);
});
