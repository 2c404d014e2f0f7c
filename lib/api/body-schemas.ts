import { z } from "zod";
import { ApiError } from "../http/errors";

/** POST /api/resume-links: whose journey (a user id or a reference), and optionally which session. */
export const resumeLinkBodySchema = z.object({
  userId: z.string().trim().min(1).max(200).meta({ description: "a user id or a customer reference" }),
  sessionId: z.string().trim().min(1).max(200).optional().meta({ description: "by default the user's latest unfinished journey" }),
});

/** Reads a JSON body with a schema, refusing with 400 and the attribute named. */
export async function parseJsonBody<T extends z.ZodType>(schema: T, request: Request, shape: string): Promise<z.output<T>> {
  const json = await request.json().catch(() => {
    throw new ApiError("malformed_json", `the body must be JSON: ${shape}`);
  });
  const body = schema.safeParse(json);
  if (!body.success) {
    const issue = body.error.issues[0]!;
    throw new ApiError("invalid_request", `${issue.path.join(".") || "body"}: ${issue.message}`, { attribute: issue.path.join(".") });
  }
  return body.data;
}
