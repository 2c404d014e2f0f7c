import { ApiError } from "@/lib/http/errors";
import { handle } from "@/lib/api/handle";
import { parseQuery, replayFromQuerySchema } from "@/lib/api/query-schemas";
import { decodeRouteParam } from "@/lib/api/route-param";
import { requireDashboardRole, requireReplayView } from "@/lib/data/api-access";
import { getReplayEvents } from "@/lib/data/replay";

export const dynamic = "force-dynamic";

/** Events per page of the player's background fold. */
const PAGE = 5_000;

// GET /api/replay/<session id>/events?from=<seq>&grant=<grant> –
//   a page of the session's events as the journey fold reads them, for the player's fold in the
//   browser; the dashboard's own: sessions.replay and the grant of the page load, masked unless the
//   grant is a reveal's
export const GET = handle(async (request: Request, context: { params: Promise<{ sessionId: string }> }) => {
  const viewer = await requireDashboardRole(request, "sessions.replay");
  const { from, grant } = parseQuery(replayFromQuerySchema, new URL(request.url).searchParams);
  const id = decodeRouteParam((await context.params).sessionId) ?? "";
  const { revealed } = await requireReplayView(viewer, id, grant);
  const answer = await getReplayEvents(id, from, PAGE, revealed);
  if (!answer) throw new ApiError("not_found", "no such session", { session: id });
  return Response.json(answer);
});
