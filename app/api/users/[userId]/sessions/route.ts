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
  await recordAccess(viewer, { action: "customer.viewed", customer: userId, target: `GET /api/users/${userId}/sessions` });
  return Response.json({ sessions });
});
