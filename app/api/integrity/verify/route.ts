import { handle } from "@/lib/api/handle";
import { parseQuery, verifyQuerySchema } from "@/lib/api/query-schemas";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { verificationStream } from "@/lib/data/integrity";

export const dynamic = "force-dynamic";

// GET /api/integrity/verify?digest=<kept digest> – checks every event's content and chain link (and the digest),
// streaming NDJSON progress then the result; service key, or a signed-in role with events.explore
export const GET = handle(async (request: Request) => {
  await requireServiceOrRole(request, "events.explore");
  const { digest } = parseQuery(verifyQuerySchema, new URL(request.url).searchParams);
  return new Response(await verificationStream(digest), {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
});
