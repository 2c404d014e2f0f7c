import { handle } from "@/lib/api/handle";
import { parseQuery } from "@/lib/api/query-schemas";
import { overviewQuerySchema } from "@/lib/analytics/api-schemas";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { overviewOf } from "@/lib/data/analytics-api";

export const dynamic = "force-dynamic";

// GET /api/analytics/overview?journey&from&to – sessions, distinct users and outcomes over the range, and day by day (every day listed);
// service key, or a signed-in role with analytics.view
export const GET = handle(async (request: Request) => {
  await requireServiceOrRole(request, "analytics.view");
  return Response.json(await overviewOf(parseQuery(overviewQuerySchema, new URL(request.url).searchParams)));
});
