import { parseJsonBody, resumeLinkBodySchema } from "@/lib/api/body-schemas";
import { handle } from "@/lib/api/handle";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { createLinkFor } from "@/lib/data/resume";

export const dynamic = "force-dynamic";

// POST /api/resume-links {"userId", "sessionId"?} – a signed link to the user's latest unfinished journey (or that session); service key or agent
export const POST = handle(async (request: Request) => {
  const viewer = await requireServiceOrRole(request, "resume-links.create");
  const body = await parseJsonBody(resumeLinkBodySchema, request, '{"userId": …, "sessionId"?: …}');
  const { url, token, expiresAt } = await createLinkFor(viewer, body.userId, body.sessionId, new URL(request.url).origin);
  return Response.json({ url, token, expiresAt }, { status: 201 });
});
