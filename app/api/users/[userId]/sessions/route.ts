import { handle } from "@/lib/api/handle";
import { requireKey } from "@/lib/data/api-access";
import { listSessionsOfUser } from "@/lib/data/sessions";

export const dynamic = "force-dynamic";

// GET /api/users/<userid>/sessions – the user's sessions, newest first; service key
export const GET = handle(async (request: Request, context: { params: Promise<{ userId: string }> }) => {
  await requireKey(request, "service");
  const { userId } = await context.params;
  return Response.json({ sessions: await listSessionsOfUser(userId) });
});
