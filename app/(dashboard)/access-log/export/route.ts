import { attachmentDisposition } from "@/lib/api/attachment";
import { handle } from "@/lib/api/handle";
import { accessLogFilterOf, accessLogQuerySchema } from "@/lib/audit/access-log-query";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-event";
import { toCsv } from "@/lib/csv/csv";
import { requireDashboardRole } from "@/lib/data/api-access";
import { type AccessLogRow, readAccessLog } from "@/lib/data/audit";

export const dynamic = "force-dynamic";

/** A file, not a page: enough for a dispute or a review period; past it the file says so in its last line. */
const EXPORT_MAX = 10_000;
const PAGE = 999; // the store's read limit is 1,000, and each page reads one more to know if older rows exist

// GET /access-log/export?customer&viewer&action&from&to – the access log as filtered on the page, as CSV,
//   newest first, masked as the page shows it; the dashboard's own: access-log.view
export const GET = handle(async (request: Request) => {
  await requireDashboardRole(request, "access-log.view");
  const query = accessLogQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows: AccessLogRow[] = [];
  let before = query.before;
  let more = true;
  while (more && rows.length < EXPORT_MAX) {
    const page = await readAccessLog(accessLogFilterOf({ ...query, before }), PAGE);
    rows.push(...page.rows);
    more = page.older !== null;
    before = page.older ?? undefined;
  }
  const kept = rows.slice(0, EXPORT_MAX);
  // Through the one CSV writer: a reason typed as "=HYPERLINK(…)" stays text in a spreadsheet.
  const csv = toCsv(
    ["at", "viewer", "viewer_role", "action", "what", "customer", "session", "opened", "reason", "position"],
    [
      ...kept.map((r) => [
        r.at,
        r.viewer.label,
        r.viewer.role,
        r.action,
        AUDIT_ACTIONS[r.action] ?? r.action,
        r.customer,
        r.session ?? null,
        r.target,
        r.reason ?? null,
        r.position,
      ]),
      ...(more || rows.length > EXPORT_MAX ? [[`only the newest ${EXPORT_MAX} rows: narrow the filters for the rest`]] : []),
    ],
  );
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachmentDisposition(`access-log-${new Date().toISOString().slice(0, 10)}.csv`),
    },
  });
});
