import { z } from "zod";
import type { ApiOperation } from "../api-operation";

/** The routes about the service itself: its health, its metrics and this document. */
export const SERVICE_OPERATIONS: ApiOperation[] = [
  {
    route: "/api/health",
    method: "GET",
    summary: "Liveness, store reachability and how far the projector has folded",
    description: "Nothing in it is personal: positions and a count. 503 when the store does not answer.",
    answer: {
      description: "the service is up",
      schema: z.looseObject({
        status: z.string().meta({ description: "ok (or degraded)" }),
        projector: z.looseObject({ position: z.number().int(), head: z.number().int() }),
      }),
    },
    otherAnswers: { "503": { description: "the store does not answer", schema: z.object({ status: z.literal("store unavailable") }) } },
  },
  {
    route: "/api/metrics",
    method: "GET",
    summary: "Prometheus metrics of the node that answers (scrape every node)",
    description: [
      "Ingest counts and refusals by error code, append and HTTP latency (by route pattern), projector lag and dead letters",
      "read from the store at scrape time, the PostgreSQL pool. Nothing personal in any label.",
      "A bearer token that is neither the scrape token nor a known key is 403.",
    ].join(" "),
    answer: { description: "the Prometheus text exposition format", contentType: "text/plain; version=0.0.4", schema: z.string() },
  },
  {
    route: "/api/openapi.json",
    method: "GET",
    summary: "This document: the whole HTTP API as OpenAPI 3.1",
    answer: { description: "an OpenAPI 3.1 document", schema: z.record(z.string(), z.unknown()) },
  },
];
