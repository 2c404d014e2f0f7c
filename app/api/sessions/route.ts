import { handle } from "@/lib/api/handle";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { searchSessionsFor } from "@/lib/data/session-search";
import { parseSearchQuery } from "@/lib/search/query";

export const dynamic = "force-dynamic";

// GET /api/sessions?journey=&from=&to=&outcome=&reached=&notReached=&dropReason=&hasType=&where=&minEvents=&limit=&cursor= – sessions by what
// happened in them (docs/search.md), newest first, with the exact total and each one's first matching event; service key, or a signed-in role with
// sessions.replay (a personal path in `where` needs users.find too)
export const GET = handle(async (request: Request) => {
  const viewer = await requireServiceOrRole(request, "sessions.replay");
  const search = parseSearchQuery(new URL(request.url).searchParams);
  return Response.json(await searchSessionsFor(viewer, search, "GET /api/sessions"));
});
