import { handle } from "@/lib/api/handle";
import { parseQuery, userSearchSchema } from "@/lib/api/query-schemas";
import { requireKey } from "@/lib/data/api-access";
import { findUsers } from "@/lib/data/sessions";

export const dynamic = "force-dynamic";

// GET /api/users?query=… – users by user id, name or email seen in their events, or booking reference; service key
export const GET = handle(async (request: Request) => {
  await requireKey(request, "service");
  const { query } = parseQuery(userSearchSchema, new URL(request.url).searchParams);
  return Response.json({ users: await findUsers(query) });
});
