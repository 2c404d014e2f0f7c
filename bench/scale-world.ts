import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseTarget } from "../lib/db/database-url";
import { loadMigrations, migrateDatabase } from "../lib/db/migrate";
import { openStore, type Store } from "../lib/db/prisma";
import { appendEvents } from "../lib/eventstore/append";
import { validateBatch } from "../lib/ingest/parse-request";
import { simulateWorld } from "../lib/simulate/world";
import { DAY } from "../lib/simulate/world-types";
import type { SimulatedEvent } from "../lib/simulate/world-types";
import { projectPageOrSetAside } from "../lib/sessions/isolate-failing-event";
import { REBUILD_PAGE } from "../lib/sessions/projector/options";
import { fmt } from "./stats";

/** Bump when the recipe below changes (the newest migration's name is in the key too). */
const RECIPE_VERSION = 1;
export const SCALE_DAYS = 30;
export const SCALE_COPIES = 10;
const SEED = "rewind-scale";
/** The simulator's events per user over 30 days (measured: 16,932 appended for 505 users). */
const EVENTS_PER_USER = 33.5;
/** The 10M world's last day ends here (before the machine's clock, so no event is recorded in the future). */
const END = Date.parse("2026-12-01T00:00:00Z");
const BATCH = 1_000;

export interface ScaleWorld {
  label: "1M" | "10M";
  name: string;
  url: string;
  copies: number;
  /** the world's newest copy covers [from, to) */
  from: Date;
  to: Date;
  /** the copy whose month is measured: its ids carry this suffix (0: none) */
  newestCopy: number;
}

export const cacheDir = () => join(process.env.REWIND_BENCH_CACHE ?? join(homedir(), ".cache", "rewind-bench"), "scale");

export function scaleUsers(): number {
  return Math.max(50, Math.round(Number(process.env.REWIND_SCALE_EVENTS ?? 1_000_000) / EVENTS_PER_USER));
}

/** Copy k of the world starts k·30 days after copy 0; the last copy ends at END. */
const copyStart = (k: number) => END - (SCALE_COPIES - k) * SCALE_DAYS * DAY;

function recipeKey(copies: number): string {
  const migrations = loadMigrations("postgresql");
  const newest = migrations[migrations.length - 1]?.name ?? "none";
  return `v${RECIPE_VERSION}-${scaleUsers()}u-${SCALE_DAYS}d-x${copies}-${SEED}-${newest}`;
}

const ISO = /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)"/g;
const TRAVEL_DATE = /"(checkIn|checkOut)":"(\d{4}-\d{2}-\d{2})"/g;

/**
 * Copy k of the simulated month: every id the world makes (events, users, anonymous visitors,
 * bookings, payments, emails) renamed for the copy and every time shifted by k·30 days, so day for
 * day the traffic is the same and no two copies share a customer, a session or an event.
 */
export function copyOf(event: SimulatedEvent["event"], k: number): SimulatedEvent["event"] {
  if (k === 0) return event;
  const shift = k * SCALE_DAYS * DAY;
  const json = JSON.stringify(event)
    .replace(ISO, (_, t: string) => `"${new Date(Date.parse(t) + shift).toISOString()}"`)
    .replace(TRAVEL_DATE, (_, key: string, d: string) => `"${key}":"${new Date(Date.parse(`${d}T00:00:00Z`) + shift).toISOString().slice(0, 10)}"`)
    .replaceAll(`"${SEED}-`, `"${SEED}-c${k}-`)
    .replaceAll("usr-", `usr-c${k}-`)
    .replaceAll("anon-", `anon-c${k}-`)
    .replaceAll("BK-", `BK-C${k}-`)
    .replaceAll("PAY-", `PAY-C${k}-`)
    .replaceAll("@example.com", `.c${k}@example.com`);
  return JSON.parse(json);
}

function dbUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const markerOf = (name: string) =>
  admin(async (c) => {
    const { rows } = await c.query(`SELECT shobj_description(oid, 'pg_database') AS key FROM pg_database WHERE datname = $1`, [name]);
    return rows.length === 0 ? null : ((rows[0].key as string | null) ?? "");
  });

const mark = (name: string, key: string) => admin((c) => c.query(`COMMENT ON DATABASE "${name}" IS '${key.replaceAll("'", "")}'`));

async function recreate(name: string, template?: string): Promise<void> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  });
}

function pgArgs(name: string): string[] {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  return ["-h", url.hostname, "-p", url.port || "5432", "-U", decodeURIComponent(url.username || "postgres"), "-d", name];
}

const pgEnv = () => ({ ...process.env, PGPASSWORD: decodeURIComponent(new URL(process.env.TEST_DATABASE_URL!).password) });

/** A line every few seconds: what is done, the rate and what is left. */
function progress(what: string, total: number) {
  const started = performance.now();
  let last = started;
  return (done: number, force = false) => {
    const now = performance.now();
    if (!force && now - last < 5_000) return;
    last = now;
    const rate = done / ((now - started) / 1000);
    const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
    console.log(`  ${what}: ${fmt(done)} / ${fmt(total)} · ${fmt(rate)} /s · ETA ${Math.round(eta)} s`);
  };
}

/** Appends copies `from`..`to-1` of the month through the store's append, each batch recorded when its last event was delivered; then folds them. */
async function appendCopies(store: Store, month: SimulatedEvent[], from: number, to: number): Promise<number> {
  const total = month.length * (to - from);
  const show = progress("appended", total);
  let read = 0;
  let appended = 0;
  for (let k = from; k < to; k++) {
    const shift = k * SCALE_DAYS * DAY;
    for (let i = 0; i < month.length; i += BATCH) {
      const slice = month.slice(i, i + BATCH);
      const events = validateBatch(
        slice.map((w) => copyOf(w.event, k)),
        { maxBodyBytes: Infinity, maxEventsPerRequest: Infinity },
      );
      // recorded_at as a live store would have it (the monthly partitions are by recorded_at).
      const recordedAt = new Date(slice[slice.length - 1]!.deliveredAt + shift);
      for (const r of await appendEvents(store, events, recordedAt)) if (!r.duplicate) appended += 1;
      read += slice.length;
      show(read);
    }
  }
  show(read, true);
  const fold = progress("folded", appended);
  let folded = 0;
  // Folded as the server's projector folds (catchUp's pages), in a rebuild's larger pages.
  for (;;) {
    const n = await projectPageOrSetAside(store, { pageSize: REBUILD_PAGE, now: () => END + DAY });
    if (n === 0) break;
    folded += n;
    fold(folded);
  }
  fold(folded, true);
  return appended;
}

function dumpSizeMb(): number {
  const dir = cacheDir();
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) / 1024 / 1024;
}

/** Reuses a database holding the recipe's key, else restores the cached dump, else builds the world and dumps it. */
async function ensureWorld(name: string, copies: number, month: () => SimulatedEvent[], base?: string): Promise<void> {
  const key = recipeKey(copies);
  const dump = join(cacheDir(), `${key}.dump`);
  if ((await markerOf(name)) === key) {
    console.log(`scale: ${name} already holds ${key}`);
    return;
  }
  const started = performance.now();
  if (existsSync(dump)) {
    console.log(`scale: restoring ${name} from ${dump}…`);
    await recreate(name);
    execFileSync("pg_restore", ["-j2", "--no-owner", ...pgArgs(name), dump], { stdio: "inherit", env: pgEnv() });
  } else {
    const target: DatabaseTarget = { provider: "postgresql", url: dbUrl(name) };
    // The 10M world starts as the 1M world (a copy of its database: copy 0, appended and folded), then grows.
    const have = base ? 1 : 0;
    if (base) await recreate(name, base);
    else {
      await recreate(name);
      await migrateDatabase(target);
    }
    console.log(`scale: building ${name} (${key}): copies ${have}..${copies - 1} of ${fmt(scaleUsers())} users over ${SCALE_DAYS} days…`);
    const store = openStore(target);
    try {
      await appendCopies(store, month(), have, copies);
    } finally {
      await store.db.$disconnect();
    }
    mkdirSync(cacheDir(), { recursive: true });
    execFileSync("pg_dump", ["-Fc", "-Z", "3", "-f", `${dump}.part`, ...pgArgs(name)], { stdio: "inherit", env: pgEnv() });
    renameSync(`${dump}.part`, dump);
  }
  // A restored database has no statistics yet.
  const client = new pg.Client({ connectionString: dbUrl(name) });
  await client.connect();
  await client.query("ANALYZE");
  await client.end();
  await mark(name, key);
  console.log(`scale: ${name} ready in ${Math.round((performance.now() - started) / 1000)} s`);
}

/** The two worlds on the TEST_DATABASE_URL server, built or restored or reused. */
export async function ensureScaleWorlds(): Promise<ScaleWorld[]> {
  if (!process.env.TEST_DATABASE_URL) throw new Error("scale needs TEST_DATABASE_URL (a PostgreSQL server where it may create and drop databases)");
  const prefix = process.env.REWIND_SCALE_DB_PREFIX ?? "rewind_scale";
  let simulated: SimulatedEvent[] | null = null;
  const month = () => {
    simulated ??= simulateWorld({ users: scaleUsers(), days: SCALE_DAYS, seed: SEED, start: new Date(copyStart(0)) });
    return simulated;
  };
  const small = `${prefix}_1m`;
  const large = `${prefix}_10m`;
  await ensureWorld(small, 1, month);
  await ensureWorld(large, SCALE_COPIES, month, small);
  console.log(`scale: cache ${cacheDir()}, ${fmt(dumpSizeMb())} MB`);
  const world = (label: ScaleWorld["label"], name: string, copies: number): ScaleWorld => ({
    label,
    name,
    url: dbUrl(name),
    copies,
    from: new Date(copyStart(copies - 1)),
    to: new Date(copyStart(copies - 1) + SCALE_DAYS * DAY),
    newestCopy: copies - 1,
  });
  return [world("1M", small, 1), world("10M", large, SCALE_COPIES)];
}
