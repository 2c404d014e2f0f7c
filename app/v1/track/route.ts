import { handleIngest } from "@/lib/api/handle";
import { appendSegmentRequest } from "@/lib/data/segment";

export const dynamic = "force-dynamic";

// POST /v1/track – Segment's tracking API (one track message); producer key as the Basic user name
export const POST = handleIngest(async (request: Request) => {
  await appendSegmentRequest(request, "track");
  return Response.json({ success: true });
});
