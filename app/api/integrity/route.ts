import { handle } from "@/lib/api/handle";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { getDigest } from "@/lib/data/integrity";

export const dynamic = "force-dynamic";

// GET /api/integrity – the chain's head as a digest to keep outside Rewind; service key, or a signed-in role with events.explore
export const GET = handle(async (request: Request) => {
  await requireServiceOrRole(request, "events.explore");
  return Response.json(await getDigest());
});
