import { ApiError } from "@/lib/api/errors";
import { handle } from "@/lib/api/handle";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { recordAccess } from "@/lib/data/audit";
import { getSessionExport } from "@/lib/data/replay";
import { sessionCsv } from "@/lib/replay/export-csv";
import { decodeRouteParam } from "@/lib/api/route-param";

export const dynamic = "force-dynamic";

// GET /sessions/<id>/export/json | csv – a session for a dispute: its events as stored, or a timeline in CSV
export const GET = handle(async (request: Request, context: { params: Promise<{ sessionId: string; format: string }> }) => {
  const viewer = await requireServiceOrRole(request, "sessions.export");
  const { sessionId, format } = await context.params;
  if (format !== "json" && format !== "csv") {
    throw new ApiError("not_found", `no export format "${format}": use json or csv`, { format });
  }
  const id = decodeRouteParam(sessionId);
  const data = id === null ? null : await getSessionExport(id);
  if (!data) throw new ApiError("not_found", `session "${sessionId}" not found`, { session: sessionId });
  await recordAccess(viewer, { action: "session.exported", customer: data.session.userReference, session: data.session.id, target: format });
  const name = `session-${data.session.id}`;
  if (format === "json") {
    return new Response(JSON.stringify({ session: data.session, events: data.events.map((e) => e.event) }, null, 2), {
      headers: { "content-type": "application/json", "content-disposition": `attachment; filename="${name}.json"` },
    });
  }
  const csv = sessionCsv(data.events.map((e) => ({ time: String(e.event.time ?? e.event.recordedtime), service: e.service, event: e.event.type, description: e.description })));
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` } });
});
