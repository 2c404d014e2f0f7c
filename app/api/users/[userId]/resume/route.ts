import { ApiError } from "@/lib/api/errors";
import { handle } from "@/lib/api/handle";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { recordAccess } from "@/lib/data/audit";
import { maskedResumeStateOf } from "@/lib/data/resume";

export const dynamic = "force-dynamic";

// GET /api/users/<userid>/resume – the resume state of the user's latest unfinished journey, for the booking app to restore its form; service key
export const GET = handle(async (request: Request, context: { params: Promise<{ userId: string }> }) => {
  const viewer = await requireServiceOrRole(request, "users.find");
  const { userId } = await context.params;
  const answer = await maskedResumeStateOf(userId);
  if (!answer) throw new ApiError("not_found", `user "${userId}" has no unfinished journey to resume`, { userId });
  await recordAccess(viewer, { action: "customer.viewed", customer: userId, session: answer.sessionId, target: `GET /api/users/${userId}/resume` });
  return Response.json(answer);
});
