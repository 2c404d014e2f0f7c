import { handleIngest } from "@/lib/api/handle";
import { appendSegmentRequest } from "@/lib/data/segment";

export const dynamic = "force-dynamic";

// POST /v1/batch – Segment's tracking API (messages of any type, all or none); producer key as the Basic user name
export const POST = handleIngest(async (request: Request) => {
  await appendSegmentRequest(request, "batch");
  return Response.json({ success: true });
});
