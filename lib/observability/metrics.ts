import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The process's Prometheus metrics (served at GET /api/metrics, docs/deploy.md "Metrics and
 * logs"). Per process: every node counts its own requests and appends, so Prometheus scrapes each.
 * Label values are route patterns, methods, status codes, error codes and outcomes: never a path,
 * an id or anything a customer typed.
 */
function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  const metrics = {
    registry,
    ingestEvents: new Counter({
      name: "rewind_ingest_events_total",
      help: "Events accepted by ingestion (POST /api/events, /v1/*), by outcome: appended (new) or duplicate (a retry already stored)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    ingestRefusals: new Counter({
      name: "rewind_ingest_refusals_total",
      help: "Ingestion requests refused, by the error code of the answer",
      labelNames: ["reason"] as const,
      registers,
    }),
    appendSeconds: new Histogram({
      name: "rewind_append_duration_seconds",
      help: "Time to append one ingestion request's events to the store (all or none)",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    httpSeconds: new Histogram({
      name: "rewind_http_request_duration_seconds",
      help: "HTTP requests served by scripts/server.ts, by route pattern, method and status",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    storeUp: new Gauge({ name: "rewind_store_up", help: "1 when the store answered this scrape's reads, else 0", registers }),
    projectorLagEvents: new Gauge({
      name: "rewind_projector_lag_events",
      help: "Newest event position minus the live read models' checkpoint, read at scrape time",
      registers,
    }),
    projectorLagSeconds: new Gauge({
      name: "rewind_projector_lag_seconds",
      help: "How long the oldest event not yet folded has waited (now minus its recorded_at); 0 when caught up",
      registers,
    }),
    projectorDeadLetters: new Gauge({ name: "rewind_projector_dead_letters", help: "Events the projector set aside (see /admin/dead-letters)", registers }),
    projectorLeader: new Gauge({
      name: "rewind_projector_leader",
      help: "1 on the node holding the leader lease (it runs the projector), 0 on a standby",
      registers,
    }),
    dbPoolConnections: new Gauge({
      name: "rewind_db_pool_connections",
      help: "PostgreSQL connection pool of this process: total, idle, and waiting (requests queued for a connection)",
      labelNames: ["state"] as const,
      registers,
    }),
  };
  // Both outcomes from 0, so a rate over the first appends is not lost to a series that did not exist yet.
  for (const outcome of ["appended", "duplicate"]) metrics.ingestEvents.inc({ outcome }, 0);
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * One set per process, on globalThis: scripts/server.ts is bundled apart from the app's routes,
 * and each must count into the same registry.
 */
export function metrics(): Metrics {
  const g = globalThis as unknown as { rewindMetrics?: Metrics };
  g.rewindMetrics ??= createMetrics();
  return g.rewindMetrics;
}
