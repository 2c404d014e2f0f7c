import { handle } from "@/lib/api/handle";
import { decodeRouteParam } from "@/lib/api/route-param";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { cancelWhatIf, readWhatIf } from "@/lib/data/what-if";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/journeys/what-if/<id> – a what-if job: {"state", "progress": {"done", "total"}, "result"? (once done),
// "error"? (once failed)}; 404 for an unknown id; service key, or a signed-in role with admin.manage
export const GET = handle(async (request: Request, context: Context) => {
  await requireServiceOrRole(request, "admin.manage");
  return Response.json(await readWhatIf(decodeRouteParam((await context.params).id) ?? ""));
});

// DELETE /api/journeys/what-if/<id> – cancels a running what-if → {"state": "cancelled"} (a finished one answers its final
// state); 404 for an unknown id; service key, or a signed-in role with admin.manage
export const DELETE = handle(async (request: Request, context: Context) => {
  await requireServiceOrRole(request, "admin.manage");
  return Response.json(await cancelWhatIf(decodeRouteParam((await context.params).id) ?? ""));
});
