import { handleIngest } from "@/lib/api/handle";
import { appendSegmentRequest } from "@/lib/data/segment";

export const dynamic = "force-dynamic";

// POST /v1/identify – Segment's tracking API (one identify message); producer key as the Basic user name
export const POST = handleIngest(async (request: Request) => {
  await appendSegmentRequest(request, "identify");
  return Response.json({ success: true });
});
