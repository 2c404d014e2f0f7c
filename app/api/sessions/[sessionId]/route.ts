import { handle } from "@/lib/api/handle";
import { parseQuery, timelineQuerySchema } from "@/lib/api/query-schemas";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { recordAccess } from "@/lib/data/audit";
import { getSessionTimeline } from "@/lib/data/sessions";

export const dynamic = "force-dynamic";

// GET /api/sessions/<id>?from=<seq>&limit=<n> – a session and a page of its timeline, with snapshots; service key, or a signed-in role with sessions.replay
export const GET = handle(async (request: Request, context: { params: Promise<{ sessionId: string }> }) => {
  const viewer = await requireServiceOrRole(request, "sessions.replay");
  const { sessionId } = await context.params;
  const { from, limit } = parseQuery(timelineQuerySchema, new URL(request.url).searchParams);
  const timeline = await getSessionTimeline(sessionId, from, limit);
  const { session } = timeline;
  await recordAccess(viewer, {
    action: "replay.viewed",
    customer: session.userReference,
    session: session.id,
    target: `GET /api/sessions/${session.id}?from=${from}&limit=${limit}`,
  });
  return Response.json(timeline);
});
