import { checkStoreHealth } from "@/lib/data/health";

export const dynamic = "force-dynamic";

// GET /api/health – liveness, store reachability, how far the projector has folded and how many
// events it set aside; open (positions and a count, nothing of any event)
export async function GET() {
  const health = await checkStoreHealth();
  if (!health) return Response.json({ status: "store unavailable" }, { status: 503 });
  return Response.json({ status: "ok", ...health });
}
