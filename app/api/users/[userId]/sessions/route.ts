import { handle } from "@/lib/api/handle";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { recordAccess } from "@/lib/data/audit";
import { listSessionsOfUser } from "@/lib/data/sessions";

export const dynamic = "force-dynamic";

// GET /api/users/<userid or reference>/sessions – the user's sessions (and `userId` masked, `reference`), newest first; service key, or a signed-in role with users.find
export const GET = handle(async (request: Request, context: { params: Promise<{ userId: string }> }) => {
  const viewer = await requireServiceOrRole(request, "users.find");
  const { userId } = await context.params;
  const { customer, ...answer } = await listSessionsOfUser(userId);
  // Nobody by that name: no sessions, and nothing on record (an audit event per made-up id would be a flood).
  if (customer) await recordAccess(viewer, { action: "customer.viewed", customer: customer.userId, target: `GET /api/users/${customer.reference}/sessions` });
  return Response.json(answer);
});
