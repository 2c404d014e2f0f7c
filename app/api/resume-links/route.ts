import { z } from "zod";
import { ApiError } from "@/lib/http/errors";
import { handle } from "@/lib/api/handle";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { createLinkFor } from "@/lib/data/resume";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  userId: z.string().trim().min(1).max(200),
  sessionId: z.string().trim().min(1).max(200).optional(),
});

// POST /api/resume-links {"userId", "sessionId"?} – a signed link to the user's latest unfinished journey (or that session); service key or agent
export const POST = handle(async (request: Request) => {
  const viewer = await requireServiceOrRole(request, "resume-links.create");
  const json = await request.json().catch(() => {
    throw new ApiError("malformed_json", 'the body must be JSON: {"userId": …, "sessionId"?: …}');
  });
  const body = bodySchema.safeParse(json);
  if (!body.success) {
    const issue = body.error.issues[0]!;
    throw new ApiError("invalid_request", `${issue.path.join(".") || "body"}: ${issue.message}`, { attribute: issue.path.join(".") });
  }
  const { url, token, expiresAt } = await createLinkFor(viewer, body.data.userId, body.data.sessionId, new URL(request.url).origin);
  return Response.json({ url, token, expiresAt }, { status: 201 });
});
