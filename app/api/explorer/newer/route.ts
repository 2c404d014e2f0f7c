import { handle } from "@/lib/api/handle";
import { explorerFilterQuerySchema, newerEventsQuerySchema, parseQuery } from "@/lib/api/query-schemas";
import { requireDashboardRole } from "@/lib/data/api-access";
import { getNewerEvents } from "@/lib/data/explorer";
import { readExplorerFilter } from "@/lib/explorer/explorer-filter";

export const dynamic = "force-dynamic";

// GET /api/explorer/newer?after=<position>&<the explorer's filter> –
//   the live tail: matching events appended after `after`, newest first, and where the next poll
//   continues; the dashboard's own: events.explore
export const GET = handle(async (request: Request) => {
  await requireDashboardRole(request, "events.explore");
  const params = new URL(request.url).searchParams;
  const { after } = parseQuery(newerEventsQuerySchema, params);
  // As tolerant as the page: a bound it ignored (not a date) is ignored here too, not a failed poll.
  const { filter } = readExplorerFilter(parseQuery(explorerFilterQuerySchema, params));
  return Response.json(await getNewerEvents(filter, after));
});
