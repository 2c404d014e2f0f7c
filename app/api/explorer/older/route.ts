import { handle } from "@/lib/api/handle";
import { explorerFilterQuerySchema, olderEventsQuerySchema, parseQuery } from "@/lib/api/query-schemas";
import { requireDashboardRole } from "@/lib/data/api-access";
import { getExplorerPage } from "@/lib/data/explorer";
import { readExplorerFilter } from "@/lib/explorer/explorer-filter";

export const dynamic = "force-dynamic";

// GET /api/explorer/older?before=<position>&<the explorer's filter> –
//   the next page of matching events older than `before`, newest first; the dashboard's own:
//   events.explore
export const GET = handle(async (request: Request) => {
  await requireDashboardRole(request, "events.explore");
  const params = new URL(request.url).searchParams;
  const { before } = parseQuery(olderEventsQuerySchema, params);
  // As tolerant as the page: a bound it ignored (not a date) is ignored here too.
  const { filter } = readExplorerFilter(parseQuery(explorerFilterQuerySchema, params));
  return Response.json(await getExplorerPage(filter, before));
});
