import { handle } from "@/lib/api/handle";
import { parseJsonBody } from "@/lib/api/body-schemas";
import { viewerLabel } from "@/lib/access/viewer";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { startWhatIf } from "@/lib/data/what-if";
import { ApiError } from "@/lib/http/errors";
import { whatIfBodySchema } from "@/lib/what-if/what-if-schemas";

export const dynamic = "force-dynamic";

// POST /api/journeys/what-if – {"definition", "from"?, "to"?}: folds the draft over history in the background, beside the
// current version, without touching the read models → 202 {"id"}; 400 naming the path of an invalid definition or range;
// 409 {"error", "id"} while a what-if of the same name runs; service key, or a signed-in role with admin.manage
export const POST = handle(async (request: Request) => {
  const viewer = await requireServiceOrRole(request, "admin.manage");
  const body = await parseJsonBody(whatIfBodySchema, request, `{"definition": <journey definition>, "from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}`);
  try {
    return Response.json(await startWhatIf({ document: body.definition, from: body.from, to: body.to, by: viewerLabel(viewer) }), { status: 202 });
  } catch (error) {
    // The contract's 409 names the running job at the top too, so a client can poll it at once.
    if (error instanceof ApiError && error.code === "conflict") return Response.json({ ...error.toBody(), id: error.details.id }, { status: error.status });
    throw error;
  }
});
