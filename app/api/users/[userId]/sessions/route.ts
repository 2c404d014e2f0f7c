import { ApiError } from "@/lib/api/errors";
import { handle } from "@/lib/api/handle";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { recordAccess } from "@/lib/data/audit";
import { listSessionsOfUser } from "@/lib/data/sessions";

export const dynamic = "force-dynamic";

// GET /api/users/<userid>/sessions – the user's sessions, newest first; service key, or a signed-in role with users.find
export const GET = handle(async (request: Request, context: { params: Promise<{ userId: string }> }) => {
  const viewer = await requireServiceOrRole(request, "users.find");
  const { userId } = await context.params;
  const sessions = await listSessionsOfUser(userId);
  // A customer is known by their sessions: a view of one that does not exist is not on record (each
  // audit event is a permanent row, and any id could be asked for).
  if (sessions.length === 0) throw new ApiError("not_found", `no customer "${userId}"`, { userId });
  await recordAccess(viewer, { action: "customer.viewed", customer: userId, target: `GET /api/users/${userId}/sessions` });
  return Response.json({ sessions });
});
