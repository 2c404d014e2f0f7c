import { expect, type APIRequestContext } from "@playwright/test";
import { simulateWorld } from "../../lib/simulate/world";
import { appendBatch, serviceAuth } from "./seed";

/**
 * A small simulated booking world starting on `from` (a UTC day), in a range of the calling spec's
 * own so other specs' events do not change its figures; appending it again is a no-op (the store is
 * idempotent). Waits until the projector has folded the last user's sessions.
 */
export async function seedSimulatedWorld(request: APIRequestContext, world: { users: number; days: number; seed: string; from: string }) {
  const events = simulateWorld({ users: world.users, days: world.days, seed: world.seed, start: new Date(`${world.from}T00:00:00Z`) }).map((w) => w.event);
  for (let i = 0; i < events.length; i += 1_000) await appendBatch(request, events.slice(i, i + 1_000));
  const lastUser = events.filter((e) => e.userid).at(-1)!.userid as string;
  await expect(async () => {
    const { sessions } = await (await request.get(`/api/users/${lastUser}/sessions`, { headers: serviceAuth })).json();
    expect(sessions.length).toBeGreaterThan(0);
  }).toPass({ timeout: 20_000 });
}
