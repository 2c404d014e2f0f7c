import { ApiError } from "@/lib/http/errors";
import { handle } from "@/lib/api/handle";
import { decodeRouteParam } from "@/lib/api/route-param";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { recordAccess } from "@/lib/data/audit";
import { notesAnswer } from "@/lib/data/notes";

export const dynamic = "force-dynamic";

// GET /api/sessions/<id>/notes – the notes pinned to the session's moments, in session order, their text masked by the policy's patterns;
// service key with users.find, or a signed-in role with users.find (notes may name the customer: never for analysts)
export const GET = handle(async (request: Request, context: { params: Promise<{ sessionId: string }> }) => {
  const viewer = await requireServiceOrRole(request, "users.find");
  const { sessionId } = await context.params;
  const id = decodeRouteParam(sessionId);
  const found = id === null ? null : await notesAnswer(viewer, id);
  if (!found) throw new ApiError("not_found", `session "${sessionId}" not found`, { session: sessionId });
  await recordAccess(viewer, {
    action: "customer.viewed",
    customer: found.customer,
    session: found.answer.sessionId,
    target: `GET /api/sessions/${found.answer.sessionId}/notes`,
  });
  return Response.json(found.answer);
});
