import { attachmentDisposition } from "@/lib/api/attachment";
import { ApiError } from "@/lib/http/errors";
import { handle } from "@/lib/api/handle";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { recordAccess } from "@/lib/data/audit";
import { openSessionExport } from "@/lib/data/session-export";
import { exportedNotes } from "@/lib/data/notes";
import { decodeRouteParam } from "@/lib/api/route-param";

export const dynamic = "force-dynamic";

const CONTENT_TYPES = { json: "application/json", csv: "text/csv; charset=utf-8" } as const;

// GET /sessions/<id>/export/json | csv – a session for a dispute: its events as stored, or a timeline in CSV, streamed page by page
export const GET = handle(async (request: Request, context: { params: Promise<{ sessionId: string; format: string }> }) => {
  const viewer = await requireServiceOrRole(request, "sessions.export");
  const { sessionId, format } = await context.params;
  if (format !== "json" && format !== "csv") {
    throw new ApiError("not_found", `no export format "${format}": use json or csv`, { format });
  }
  const id = decodeRouteParam(sessionId);
  // Notes only for a reader who may see customers (a key given users.find, agents, auditors, admins).
  const opened = id === null ? null : await openSessionExport(id, format, await exportedNotes(viewer, id));
  if (!opened) throw new ApiError("not_found", `session "${sessionId}" not found`, { session: sessionId });
  // On record once per export, before the first byte leaves.
  await recordAccess(viewer, { action: "session.exported", customer: opened.customer, session: opened.session.id, target: format });
  return new Response(opened.body, {
    headers: { "content-type": CONTENT_TYPES[format], "content-disposition": attachmentDisposition(`session-${opened.session.id}.${format}`) },
  });
});
