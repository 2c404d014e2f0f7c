import { handle } from "@/lib/api/handle";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { revokeLink } from "@/lib/data/resume";

export const dynamic = "force-dynamic";

// DELETE /api/resume-links/<id> – revoke a resume link at once; service key or agent
export const DELETE = handle(async (request: Request, context: { params: Promise<{ linkId: string }> }) => {
  const viewer = await requireServiceOrRole(request, "resume-links.create");
  const { linkId } = await context.params;
  await revokeLink(viewer, linkId);
  return new Response(null, { status: 204 });
});
