import { handle } from "@/lib/api/handle";
import { journeyQuerySchema } from "@/lib/api/journey-schemas";
import { parseQuery } from "@/lib/api/query-schemas";
import { decodeRouteParam } from "@/lib/api/route-param";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { getJourney } from "@/lib/data/journeys";

export const dynamic = "force-dynamic";

// GET /api/journeys/<name>[?version=<n>] – one journey with its definition (the newest version, or version n; null when
// built-in) and its history; 404 naming an unknown one; service key, or a signed-in role with analytics.view
export const GET = handle(async (request: Request, context: { params: Promise<{ name: string }> }) => {
  const viewer = await requireServiceOrRole(request, "analytics.view");
  const name = decodeRouteParam((await context.params).name) ?? "";
  const { version } = parseQuery(journeyQuerySchema, new URL(request.url).searchParams);
  return Response.json(await getJourney(viewer, name, version));
});
