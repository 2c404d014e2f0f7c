import { handle } from "@/lib/api/handle";
import { parseQuery } from "@/lib/api/query-schemas";
import { afterDropOffQuerySchema } from "@/lib/analytics/api-schemas";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { afterDropOffOf } from "@/lib/data/after-drop-off";

export const dynamic = "force-dynamic";

// GET /api/analytics/after-drop-off?journey&from&to&step – of the customers who dropped off after a funnel step in the range (each once, from their
// first drop-off there), how many came back within 1, 7 and 30 days, how many completed later (lower median wait) and how their next session went;
// service key, or a signed-in role with analytics.view
export const GET = handle(async (request: Request) => {
  await requireServiceOrRole(request, "analytics.view");
  return Response.json(await afterDropOffOf(parseQuery(afterDropOffQuerySchema, new URL(request.url).searchParams)));
});
