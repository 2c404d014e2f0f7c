import { handle } from "@/lib/api/handle";
import { parseQuery, streamQuerySchema } from "@/lib/api/query-schemas";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { listStreamEvents } from "@/lib/data/events";

export const dynamic = "force-dynamic";

// GET /api/streams/<url-encoded subject, or @<position of one of its events>>?from=<version>&limit=<n> –
// one stream in version order, its name masked; service key, or a signed-in role with events.explore
export const GET = handle(async (request: Request, context: { params: Promise<{ stream: string }> }) => {
  await requireServiceOrRole(request, "events.explore"); // the guard; the stream is the same for every viewer
  const { stream } = await context.params;
  const { from, limit } = parseQuery(streamQuerySchema, new URL(request.url).searchParams);
  return Response.json(await listStreamEvents(stream, from, limit));
});
