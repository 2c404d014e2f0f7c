import { ApiError } from "@/lib/http/errors";
import { handle } from "@/lib/api/handle";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { recordAccess } from "@/lib/data/audit";
import { requireCustomer } from "@/lib/data/customers";
import { maskedResumeStateOf } from "@/lib/data/resume";

export const dynamic = "force-dynamic";

// GET /api/users/<userid or reference>/resume – where the user's latest unfinished journey (any journey) left off: its step, facts and what
// remains (the booking journey adds the draft its booking app restores); service key, or a signed-in role with users.find
export const GET = handle(async (request: Request, context: { params: Promise<{ userId: string }> }) => {
  const viewer = await requireServiceOrRole(request, "users.find");
  const { userId } = await context.params;
  const customer = await requireCustomer(userId, "has no unfinished journey to resume");
  const answer = await maskedResumeStateOf(customer.reference);
  if (!answer) throw new ApiError("not_found", `customer ${customer.reference} has no unfinished journey to resume`, { reference: customer.reference });
  await recordAccess(viewer, {
    action: "customer.viewed",
    customer: customer.userId,
    session: answer.sessionId,
    target: `GET /api/users/${customer.reference}/resume`,
  });
  return Response.json(answer);
});
