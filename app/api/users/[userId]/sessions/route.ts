import { ApiError } from "@/lib/http/errors";
import { handle } from "@/lib/api/handle";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { recordAccess } from "@/lib/data/audit";
import { listSessionsOfUser } from "@/lib/data/sessions";

export const dynamic = "force-dynamic";

// GET /api/users/<userid or reference>/sessions – the user's sessions (and `userId` masked, `reference`), newest first;
// service key, or a signed-in role with users.find
export const GET = handle(async (request: Request, context: { params: Promise<{ userId: string }> }) => {
  const viewer = await requireServiceOrRole(request, "users.find");
  const { userId } = await context.params;
  const { customer, ...answer } = await listSessionsOfUser(userId);
  // Nobody by that name: a 404 and nothing on record (each audit event is a permanent row, and
  // any id could be asked for).
  if (!customer) throw new ApiError("not_found", "no customer with that user id or reference", { userId: null });
  await recordAccess(viewer, { action: "customer.viewed", customer: customer.userId, target: `GET /api/users/${customer.reference}/sessions` });
  return Response.json(answer);
});
