import { handle } from "@/lib/api/handle";
import { requireMetricsReader } from "@/lib/data/api-access";
import { scrapeMetrics } from "@/lib/data/metrics";

export const dynamic = "force-dynamic";

// GET /api/metrics – Prometheus text format, this process's metrics (scrape every node); the scrape
// token REWIND_METRICS_TOKEN, a service key with metrics.read, or an admin's sign-in
export const GET = handle(async (request: Request) => {
  await requireMetricsReader(request);
  const { body, contentType } = await scrapeMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
