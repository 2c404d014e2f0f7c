import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_KEYS } from "../../playwright.config";
import pg from "pg";
import { compileServer } from "../../scripts/serve";
import { parsePrometheusText, sampleValue } from "../support/prometheus-text";
import { cloudEvent } from "../support/seed";

const SERVER = ".next/rewind-server.mjs";

interface Node {
  port: number;
  child: ChildProcess;
  url: string;
}

/** A store of its own: a fresh PostgreSQL database on the TEST_DATABASE_URL server, else a SQLite file; migrated by the CLI. */
async function freshStore(): Promise<{ url: string; dispose: () => Promise<void> }> {
  let url: string;
  let dispose: () => Promise<void>;
  if (process.env.TEST_DATABASE_URL) {
    const name = `rewind_leader_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const parsed = new URL(process.env.TEST_DATABASE_URL);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    dispose = async () => {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), "rewind-leader-"));
    url = `file:${join(dir, "store.db")}`;
    dispose = async () => rmSync(dir, { recursive: true, force: true });
  }
  execFileSync("node_modules/.bin/tsx", ["scripts/rewind.ts", "migrate"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  return { url, dispose };
}

/** A production server of the build (scripts/server.ts, compiled by the e2e server's start) on its own port. */
function startNode(databaseUrl: string, port: number): Node {
  const child = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      REWIND_INGEST_KEY: E2E_KEYS.ingest,
      REWIND_API_KEY: E2E_KEYS.api,
      REWIND_RETENTION: "off",
    },
    stdio: "ignore",
  });
  return { port, child, url: `http://127.0.0.1:${port}` };
}

async function roleOf(node: Node): Promise<string | null> {
  const response = await fetch(`${node.url}/api/health`).catch(() => null);
  if (!response?.ok) return null;
  return ((await response.json()) as { projector: { role: string } }).projector.role;
}

test("two nodes on one store: one leads, the other takes over within 10 s of the leader being killed, and a stopped node gives the lease up", async () => {
  test.setTimeout(120_000);
  // The e2e server is `next start`; the production server (scripts/server.ts) is compiled here if no run has yet.
  if (!existsSync(SERVER)) compileServer();
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
