import { handle } from "@/lib/api/handle";
import { parseQuery, timelineQuerySchema } from "@/lib/api/query-schemas";
import { requireKey } from "@/lib/data/api-access";
import { getSessionTimeline } from "@/lib/data/sessions";

export const dynamic = "force-dynamic";

// GET /api/sessions/<id>?from=<seq>&limit=<n> – a session and a page of its timeline, with snapshots; service key
export const GET = handle(async (request: Request, context: { params: Promise<{ sessionId: string }> }) => {
  await requireKey(request, "service");
  const { sessionId } = await context.params;
  const { from, limit } = parseQuery(timelineQuerySchema, new URL(request.url).searchParams);
  return Response.json(await getSessionTimeline(sessionId, from, limit));
});
