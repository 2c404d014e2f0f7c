import { getSessionExport } from "@/lib/data/replay";
import { sessionCsv } from "@/lib/replay/export-csv";

export const dynamic = "force-dynamic";

// GET /sessions/<id>/export/json | csv – a session for a dispute: its events as stored, or a timeline in CSV
export async function GET(_request: Request, context: { params: Promise<{ sessionId: string; format: string }> }) {
  const { sessionId, format } = await context.params;
  if (format !== "json" && format !== "csv") {
    return Response.json({ error: { code: "not_found", message: `no export format "${format}": use json or csv`, details: { format } } }, { status: 404 });
  }
  const data = await getSessionExport(decodeURIComponent(sessionId));
  if (!data) return Response.json({ error: { code: "not_found", message: `session "${sessionId}" not found`, details: {} } }, { status: 404 });
  const name = `session-${data.session.id}`;
  if (format === "json") {
    return new Response(JSON.stringify({ session: data.session, events: data.events.map((e) => e.event) }, null, 2), {
      headers: { "content-type": "application/json", "content-disposition": `attachment; filename="${name}.json"` },
    });
  }
  const csv = sessionCsv(data.events.map((e) => ({ time: String(e.event.time ?? e.event.recordedtime), service: e.service, event: e.event.type, description: e.description })));
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` } });
}
