import { handle } from "@/lib/api/handle";
import { parseQuery, userSearchSchema } from "@/lib/api/query-schemas";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { searchCustomers } from "@/lib/data/customer-search";

export const dynamic = "force-dynamic";

// GET /api/users?query=…[&suggest=true] – users by user id or reference, whole name words, whole email or phone, or
// booking reference (ids and references by a prefix of 3+), each with `userId` masked and `reference`; rate limited per
// viewer, a settled search on record; service key, or a signed-in role with users.find
export const GET = handle(async (request: Request) => {
  const viewer = await requireServiceOrRole(request, "users.find");
  const { query, suggest } = parseQuery(userSearchSchema, new URL(request.url).searchParams);
  // `more`: other customers match too (the first 20 are answered; refine the query).
  return Response.json(await searchCustomers(viewer, query, { settled: !suggest }));
});
