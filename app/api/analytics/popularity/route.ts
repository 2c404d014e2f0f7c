import { handle } from "@/lib/api/handle";
import { parseQuery } from "@/lib/api/query-schemas";
import { popularityQuerySchema } from "@/lib/analytics/api-schemas";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { popularityOf } from "@/lib/data/analytics-api";

export const dynamic = "force-dynamic";

// GET /api/analytics/popularity?journey&dimension&from&to[&limit] – a dimension's values by sessions (most first, then value), with how many
// completed; limit 50 by default, at most 1000; service key, or a signed-in role with analytics.view
export const GET = handle(async (request: Request) => {
  await requireServiceOrRole(request, "analytics.view");
  return Response.json(await popularityOf(parseQuery(popularityQuerySchema, new URL(request.url).searchParams)));
});
