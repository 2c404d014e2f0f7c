import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { E2E_KEYS } from "../../playwright.config";
import { compileServer } from "../../scripts/serve";

// Production servers of their own (scripts/server.ts, as `npm start` runs it) on a store of their
// own, for the tests of several nodes and of shutdown (e2e/api/leader.spec.ts, graceful-shutdown.spec.ts).

const SERVER = ".next/rewind-server.mjs";

/** The e2e server is `next start`; the production server is compiled here if no run has yet. */
export function ensureProductionServer(): void {
  if (!existsSync(SERVER)) compileServer();
}

export interface Node {
  port: number;
  child: ChildProcess;
  url: string;
}

/** A store of its own: a fresh PostgreSQL database on the TEST_DATABASE_URL server, else a SQLite file; migrated by the CLI. */
export async function freshStore(): Promise<{ url: string; dispose: () => Promise<void> }> {
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
export function startNode(databaseUrl: string, port: number): Node {
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

export async function roleOf(node: Node): Promise<string | null> {
  const response = await fetch(`${node.url}/api/health`).catch(() => null);
  if (!response?.ok) return null;
  return ((await response.json()) as { projector: { role: string } }).projector.role;
}
