import pg from "pg";
import { createDashboardUser } from "../lib/auth/dashboard-users";
import { openStore } from "../lib/db/prisma";
import { EVENT_TYPES as T } from "../lib/journeys/booking/booking-events";
import { ensureScaleWorlds, type ScaleWorld } from "./scale-world";
import { type BenchServer, startBenchServer } from "./server";
import { fmt, median } from "./stats";

const ROUNDS = Number(process.env.REWIND_SCALE_ROUNDS ?? 9);
const API_KEY = "rewind-scale-bench-api-key-0123456789abcdef";
const AUDITOR = { email: "scale-auditor@rewind.bench", password: "scale-auditor-password" };
const PORTS = { "1M": 3195, "10M": 3196 } as const;

/** An answer's JSON, read loosely: only its sizes are compared. */
// biome-ignore lint/suspicious/noExplicitAny: each route answers its own shape
type Answer = any;

interface Query {
  label: string;
  path: string;
  /** the explorer is the dashboard's own: a sign-in, not a key */
  cookie?: boolean;
  /** what must be alike at both sizes (the newest month of each is the same month, renamed) */
  shape: (answer: Answer) => unknown;
}

interface Measured {
  world: ScaleWorld;
  server: BenchServer;
  cookie: string;
  queries: Query[];
  times: number[][];
  events: number;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The newest month's busiest customer of copy 0, as named in `world`'s newest copy (the same person, renamed). */
async function pickCustomer(world: ScaleWorld, base: string) {
  const client = new pg.Client({ connectionString: world.url });
  await client.connect();
  try {
    const id = world.newestCopy === 0 ? base : base.replace("usr-", `usr-c${world.newestCopy}-`);
    const { rows } = await client.query(
      `SELECT "data_json"->>'email' AS email FROM "events" WHERE "userid" = $1 AND "type" = $2 AND "data_json"->>'email' IS NOT NULL LIMIT 1`,
      [id, T.userRegistered],
    );
    const head = await client.query(`SELECT max("position")::text AS head, count(*)::text AS n FROM "events"`);
    return { id, email: rows[0]?.email as string, head: Number(head.rows[0].head), events: Number(head.rows[0].n) };
  } finally {
    await client.end();
  }
}

async function busiestUser(world: ScaleWorld): Promise<string> {
  const client = new pg.Client({ connectionString: world.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT s."user_id" FROM "sessions" s JOIN "events" e ON e."userid" = s."user_id" AND e."type" = $3
       WHERE s."started_at" >= $1 AND s."started_at" < $2 AND s."user_id" IS NOT NULL
       GROUP BY s."user_id" ORDER BY count(DISTINCT s."id") DESC, s."user_id" LIMIT 1`,
      [world.from, world.to, T.userRegistered],
    );
    return rows[0].user_id as string;
  } finally {
    await client.end();
  }
}

async function signIn(world: ScaleWorld, url: string): Promise<string> {
  const attempt = () =>
    fetch(`${url}/api/auth/sign-in/email`, { method: "POST", headers: { origin: url, "content-type": "application/json" }, body: JSON.stringify(AUDITOR) });
  let res = await attempt();
  if (!res.ok) {
    const store = openStore({ provider: "postgresql", url: world.url });
    await createDashboardUser(store, { ...AUDITOR, name: "Scale auditor", role: "auditor" });
    await store.db.$disconnect();
    res = await attempt();
  }
  if (!res.ok) throw new Error(`scale: sign-in refused on ${world.label}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function get(m: Measured, q: Query): Promise<[number, unknown]> {
  const headers: Record<string, string> = q.cookie ? { cookie: m.cookie, origin: m.server.url } : { authorization: `Bearer ${API_KEY}` };
  const started = performance.now();
  const res = await fetch(`${m.server.url}${q.path}`, { headers });
  const body = await res.json();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`scale: ${m.world.label} ${q.label} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return [ms, body];
}

/** The eight queries of issue 18 over the world's newest month, for its copy of the customer. */
async function queriesOf(m: Omit<Measured, "queries" | "times" | "events">, customer: { id: string; email: string; head: number }): Promise<Query[]> {
  const { from, to } = m.world;
  const [first, last] = [day(from), day(new Date(to.getTime() - 1))];
  const month = `from=${from.toISOString()}&to=${to.toISOString()}`;
  const sessions = (await get(m as Measured, { label: "sessions", path: `/api/users/${encodeURIComponent(customer.id)}/sessions`, shape: () => 0 }))[1] as {
    sessions: { id: string }[];
  };
  const session = sessions.sessions[0]?.id;
  if (!session) throw new Error(`scale: ${customer.id} has no session on ${m.world.label}`);
  const len = (xs: unknown) => (Array.isArray(xs) ? xs.length : -1);
  return [
    { label: "customer search", path: `/api/users?query=${encodeURIComponent(customer.email)}`, shape: (a) => len(a.users ?? a.customers) },
    { label: "customer's sessions", path: `/api/users/${encodeURIComponent(customer.id)}/sessions`, shape: (a) => len(a.sessions) },
    { label: "session first page", path: `/api/sessions/${encodeURIComponent(session)}?from=0&limit=200`, shape: (a) => len(a.timeline ?? a.events) },
    {
      label: "funnel 30 days",
      path: `/api/analytics/funnel?journey=holiday-booking&from=${first}&to=${last}`,
      shape: (a) => JSON.stringify(a.steps ?? a).length,
    },
    {
      label: "popularity 30 days",
      path: `/api/analytics/popularity?journey=holiday-booking&dimension=destination&from=${first}&to=${last}`,
      shape: (a) => JSON.stringify(a.values ?? a.rows ?? a).length,
    },
    {
      label: "session search filter",
      path: `/api/sessions?from=${first}&to=${last}&hasType=${T.paymentFailed}&where=data.reason:eq:card_declined`,
      shape: (a) => a.total,
    },
    { label: "explorer first page", path: `/api/explorer/older?before=${customer.head + 1}&${month}`, cookie: true, shape: (a) => len(a.events) },
    {
      label: "explorer type filter",
      path: `/api/explorer/older?before=${customer.head + 1}&${month}&type=${T.bookingConfirmed}`,
      cookie: true,
      shape: (a) => len(a.events),
    },
  ];
}

/**
 * Issue 18: the same eight queries over the newest month of a 1M-event world and of a 10M-event
 * world (ten times the days at the same daily traffic), each through HTTP against its own
 * production server, rounds interleaved; each query's median, the worst ratio 10M/1M, and each
 * server's peak memory. TEST_DATABASE_URL: the PostgreSQL server it fills (bench/scale-world.ts).
 */
export async function benchScale(): Promise<void> {
  const worlds = await ensureScaleWorlds();
  const base = await busiestUser(worlds[0]!);
  const measured: Measured[] = [];
  try {
    for (const world of worlds) {
      const customer = await pickCustomer(world, base);
      const server = await startBenchServer(
        // The projector is off: the worlds are folded, and a fold beside the queries would only add noise.
        {
          DATABASE_URL: world.url,
          REWIND_API_KEY: API_KEY,
          REWIND_PROJECTOR: "off",
          REWIND_USER_SEARCHES_PER_MINUTE: "100000",
          REWIND_USER_SEARCH_BURST: "100000",
        },
        PORTS[world.label],
      );
      const partial = { world, server, cookie: "" };
      measured.push({ ...partial, queries: [], times: [], events: customer.events });
      const m = measured[measured.length - 1]!;
      m.cookie = await signIn(world, server.url);
      m.queries = await queriesOf(m, customer);
      m.times = m.queries.map(() => []);
      console.log(`scale: ${world.label}: ${fmt(customer.events)} events, newest month ${day(world.from)}..${day(world.to)}, customer ${customer.id}`);
    }
    // One round to warm both, unmeasured; then rounds alternating which world goes first.
    const answers = measured.map(() => [] as unknown[]);
    for (let round = -1; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? measured : [...measured].reverse();
      for (const m of order) {
        for (const [i, q] of m.queries.entries()) {
          const [ms, answer] = await get(m, q);
          if (round >= 0) m.times[i]!.push(ms);
          else answers[measured.indexOf(m)]![i] = q.shape(answer);
        }
      }
    }
    const [small, large] = measured as [Measured, Measured];
    let worst = 0;
    for (const [i, q] of small.queries.entries()) {
      const [a, b] = [median(small.times[i]!), median(large.times[i]!)];
      worst = Math.max(worst, b / a);
      const alike = answers[0]![i] === answers[1]![i] ? "" : ` (answers differ: ${answers[0]![i]} vs ${answers[1]![i]})`;
      console.log(`${q.label}: 1M ${a.toFixed(1)} ms, 10M ${b.toFixed(1)} ms, x${(b / a).toFixed(2)}${alike}`);
    }
    console.log(`ratio 10M/1M: ${worst.toFixed(3)}`);
    console.log(`server peak memory MB: 1M ${Math.round(small.server.peakMemoryMb())}, 10M ${Math.round(large.server.peakMemoryMb())}`);
  } finally {
    for (const m of measured) await m.server.stop();
  }
}
