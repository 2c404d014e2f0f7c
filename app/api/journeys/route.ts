import { handle } from "@/lib/api/handle";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { getJourneyList } from "@/lib/data/journeys";

export const dynamic = "force-dynamic";

// GET /api/journeys – every journey (built-in and stored definitions), highest priority first: name, label, priority,
// version (null when built-in), liveVersion, steps, changedAt; service key, or a signed-in role with analytics.view
export const GET = handle(async (request: Request) => {
  const viewer = await requireServiceOrRole(request, "analytics.view");
  return Response.json(await getJourneyList(viewer));
});
