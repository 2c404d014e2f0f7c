// The production server: Next.js behind a plain Node HTTP server whose one job is to tell the app
// the client's real address. `next start` passes on whatever X-Forwarded-For a client sends, so a
// per-address sign-in limit could be dodged by writing a new one on every attempt; here the header
// is replaced by the connection's peer, or read past REWIND_TRUSTED_PROXIES when a proxy is in front.
import { createServer, type ServerResponse } from "node:http";
import next from "next";
import { ROUTE_RULES } from "../lib/access/route-rules";
import { clientAddress, trustedProxiesFromEnv } from "../lib/net/client-address";
import { metrics } from "../lib/observability/metrics";
import { REQUEST_ID_HEADER, requestIdOf, runInRequest } from "../lib/observability/request-id";
import { methodLabel, routeLabeller } from "../lib/observability/route-label";

const SHUTDOWN_MS = 20_000;

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? "0.0.0.0";
  const trusted = trustedProxiesFromEnv(process.env.REWIND_TRUSTED_PROXIES);
  // Started from the project's root (scripts/serve.ts), bundled into .next/ first.
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Every request passes here, so here it gets its id and its latency is measured, labelled by the
  // app's route pattern (every route has an access rule, so ROUTE_RULES names them all), never its path.
  const routeOf = routeLabeller(Object.keys(ROUTE_RULES));
  const { httpSeconds } = metrics();
  let stopping = false;
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    // Stopping: a keep-alive connection would carry request after request and never let the server
    // close. A request that arrives now is refused with 503 (another node answers its retry; an
    // append refused wrote nothing), and every answer closes its connection.
    if (stopping) {
      res.setHeader("connection", "close");
      res.writeHead(503, { "content-type": "application/json", "retry-after": "1" });
      res.end(JSON.stringify({ error: { code: "shutting_down", message: "this node is shutting down; retry", details: { retryAfterSeconds: 1 } } }));
      return;
    }
    const forwarded = req.headers["x-forwarded-for"];
    req.headers["x-forwarded-for"] = clientAddress(req.socket.remoteAddress ?? "", Array.isArray(forwarded) ? forwarded.join(", ") : forwarded, trusted);
    // The id the app and its log lines see (the header, and the request's async context), and the client gets back.
    const requestId = requestIdOf(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const timer = httpSeconds.startTimer();
    inFlight.add(res);
    // "close": answered or cut off, it ends once. The path is the target up to its query (no URL
    // parsing here: a malformed target must not throw in an event handler).
    res.once("close", () => {
      inFlight.delete(res);
      timer({ route: routeOf((req.url ?? "/").split("?")[0]!), method: methodLabel(req.method), status: String(res.statusCode) });
    });
    runInRequest({ requestId }, () => void handle(req, res));
  });
  server.listen(port, hostname, () => console.log(`Rewind is serving on http://localhost:${port}`));
  // Graceful: no new connections, requests under way (appends among them) answered, idle keep-alive
  // connections closed; the leader's work finishes its page and gives the lease up for a standby
  // (lib/leader/leadership.ts); then exit. A stop that hangs ends after SHUTDOWN_MS all the same.
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_MS).unref();
    // Answers under way close their connections once sent.
    for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const leader = (globalThis as { rewindShutdown?: () => Promise<void> }).rewindShutdown?.() ?? Promise.resolve();
    void Promise.all([closed, leader]).then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`rewind server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
