import { handle } from "@/lib/api/handle";
import { parseQuery } from "@/lib/api/query-schemas";
import { funnelQuerySchema } from "@/lib/analytics/api-schemas";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { funnelOf } from "@/lib/data/analytics-api";

export const dynamic = "force-dynamic";

// GET /api/analytics/funnel?journey&from&to – the journey's funnel over UTC days from..to (inclusive): sessions per step reached in order, drop-offs,
// their reasons and median seconds from the step before; service key, or a signed-in role with analytics.view
export const GET = handle(async (request: Request) => {
  await requireServiceOrRole(request, "analytics.view");
  return Response.json(await funnelOf(parseQuery(funnelQuerySchema, new URL(request.url).searchParams)));
});
