import { ApiError } from "@/lib/http/errors";
import { handle, handleIngest } from "@/lib/api/handle";
import { feedQuerySchema, parseQuery } from "@/lib/api/query-schemas";
import { requireKey, requireKeyScope, requireServiceOrRole } from "@/lib/data/api-access";
import { checkIngestRate } from "@/lib/data/ingest-limits";
import { appendIncomingEvents, listFeedEvents } from "@/lib/data/events";
import { noteKeyUse } from "@/lib/data/key-use";
import { ingestLimits } from "@/lib/ingest/limits";
import { parseIngestRequest } from "@/lib/ingest/parse-request";
import { isCrossSite } from "@/lib/net/cross-site";

export const dynamic = "force-dynamic";

// POST /api/events – append CloudEvents (structured, batched or binary mode); producer key
export const POST = handleIngest(async (request: Request) => {
  // The proxy does not run here (it would copy and cut the body), so its cross-site check is made here.
  if (isCrossSite(request.headers)) throw new ApiError("forbidden", "cross-site requests may not change anything", { origin: request.headers.get("origin") });
  const caller = await requireKey(request, "producer");
  const events = await parseIngestRequest(request, ingestLimits());
  requireKeyScope(caller, events);
  checkIngestRate(caller.keyId, events.length);
  const results = await appendIncomingEvents(events);
  // After the append has let go of its lock; at most one write a minute per key, and never a reason to fail.
  await noteKeyUse(caller);
  return Response.json({
    results: results.map((r) => ({ position: r.position, streamversion: r.streamVersion, duplicate: r.duplicate })),
  });
});

// GET /api/events?after=<position>&limit=<n> – the catch-up feed in global order; service key or a role that explores events
export const GET = handle(async (request: Request) => {
  await requireServiceOrRole(request, "events.explore");
  const { after, limit } = parseQuery(feedQuerySchema, new URL(request.url).searchParams);
  return Response.json({ events: await listFeedEvents(after, limit) });
});
