import { handle } from "@/lib/api/handle";
import { parseQuery, userSearchSchema } from "@/lib/api/query-schemas";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { findUsers } from "@/lib/data/sessions";

export const dynamic = "force-dynamic";

// GET /api/users?query=… – users by user id, name or email seen in their events, or booking reference; service key, or a signed-in role with users.find
export const GET = handle(async (request: Request) => {
  const viewer = await requireServiceOrRole(request, "users.find");
  const { query } = parseQuery(userSearchSchema, new URL(request.url).searchParams);
  // `more`: other customers match too (the first 20 are answered; refine the query).
  return Response.json(await findUsers(query));
});
