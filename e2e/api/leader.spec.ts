import { expect, test } from "@playwright/test";
import { E2E_KEYS } from "../../playwright.config";
import { ensureProductionServer, freshStore, roleOf, startNode } from "../support/production-nodes";
import { parsePrometheusText, sampleValue } from "../support/prometheus-text";
import { cloudEvent } from "../support/seed";

test("two nodes on one store: one leads, the other takes over within 10 s of the leader being killed, and a stopped node gives the lease up", async () => {
  test.setTimeout(120_000);
  ensureProductionServer();
  const { url, dispose } = await freshStore();
  const nodes = [startNode(url, 3181), startNode(url, 3182)];
  try {
    await expect.poll(async () => (await Promise.all(nodes.map(roleOf))).sort(), { timeout: 60_000 }).toEqual(["leader", "standby"]);
    const roles = await Promise.all(nodes.map(roleOf));
    const leader = nodes[roles.indexOf("leader")]!;
    const standby = nodes[roles.indexOf("standby")]!;
    // Each node answers its own metrics, the store's readings too (a standby runs no projector but reads the lag).
    for (const [node, role] of [
      [leader, 1],
      [standby, 0],
    ] as const) {
      const scraped = await fetch(`${node.url}/api/metrics`, { headers: { Authorization: `Bearer ${E2E_KEYS.api}` } });
      expect(scraped.status).toBe(200);
      const samples = parsePrometheusText(await scraped.text());
      expect(sampleValue(samples, "rewind_projector_leader")).toBe(role);
      expect(sampleValue(samples, "rewind_store_up")).toBe(1);
      expect(samples.some((s) => s.name === "rewind_projector_lag_events")).toBe(true);
    }

    leader.child.kill("SIGKILL");
    const killedAt = Date.now();
    await expect.poll(() => roleOf(standby), { timeout: 15_000, intervals: [250] }).toBe("leader");
    expect(Date.now() - killedAt).toBeLessThan(10_000);

    // The new leader projects: an event appended to it is folded.
    const event = cloudEvent({ id: `leader-${Date.now()}`, subject: "leader/test", userid: "usr-leader" });
    const appended = await fetch(`${standby.url}/api/events`, {
      method: "POST",
      headers: { Authorization: `Bearer ${E2E_KEYS.ingest}`, "content-type": "application/cloudevents-batch+json" },
      body: JSON.stringify([event]),
    });
    expect(appended.status).toBe(200);
    await expect
      .poll(async () => ((await (await fetch(`${standby.url}/api/health`)).json()) as { projector: { lag: number; head: number } }).projector, {
        timeout: 15_000,
      })
      .toMatchObject({ lag: 0, head: 1 });

    // SIGTERM: it finishes, exits 0, and gives the lease up: the next node leads at once, not after the lease's 6 s.
    const exited = new Promise<number | null>((resolve) => standby.child.on("exit", (code) => resolve(code)));
    standby.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const next = startNode(url, 3183);
    nodes.push(next);
    await expect.poll(() => roleOf(next), { timeout: 30_000, intervals: [100] }).not.toBeNull();
    const answeredAt = Date.now();
    await expect.poll(() => roleOf(next), { timeout: 10_000, intervals: [100] }).toBe("leader");
    expect(Date.now() - answeredAt).toBeLessThan(3_000);
  } finally {
    for (const n of nodes) n.child.kill("SIGKILL");
    await dispose();
  }
});
