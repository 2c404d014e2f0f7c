import { ApiError } from "@/lib/http/errors";
import { handle } from "@/lib/api/handle";
import { parseQuery, replayFromQuerySchema } from "@/lib/api/query-schemas";
import { decodeRouteParam } from "@/lib/api/route-param";
import { requireDashboardRole, requireReplayView } from "@/lib/data/api-access";
import { getReplayTail } from "@/lib/data/replay";

export const dynamic = "force-dynamic";

// GET /api/replay/<session id>/tail?from=<seq>&grant=<grant> –
//   a live replay's compact rows from `from` on, with the session as it is now; the dashboard's own:
//   sessions.replay and the grant of the page load, masked unless the grant is a reveal's
export const GET = handle(async (request: Request, context: { params: Promise<{ sessionId: string }> }) => {
  const viewer = await requireDashboardRole(request, "sessions.replay");
  const { from, grant } = parseQuery(replayFromQuerySchema, new URL(request.url).searchParams);
  const id = decodeRouteParam((await context.params).sessionId) ?? "";
  const { revealed } = await requireReplayView(viewer, id, grant);
  const answer = await getReplayTail(id, from, revealed);
  if (!answer) throw new ApiError("not_found", "no such session", { session: id });
  return Response.json(answer);
});
