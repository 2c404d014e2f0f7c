import { attachmentDisposition } from "@/lib/api/attachment";
import { handle } from "@/lib/api/handle";
import { customerExportQuerySchema, parseQuery } from "@/lib/api/query-schemas";
import { requireDashboardRole } from "@/lib/data/api-access";
import { startCustomerExport } from "@/lib/data/subject-access";

export const dynamic = "force-dynamic";

// GET /admin/erasure/export?user=<user id or reference> – everything Rewind holds about one customer, one JSON
//   file, unmasked, for a subject-access request (docs/subject-access.md); admins, on record
export const GET = handle(async (request: Request) => {
  const admin = await requireDashboardRole(request, "admin.manage");
  const { user } = parseQuery(customerExportQuerySchema, new URL(request.url).searchParams);
  const { filename, body } = await startCustomerExport(admin, user);
  return new Response(body, {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": attachmentDisposition(filename), "cache-control": "no-store" },
  });
});
