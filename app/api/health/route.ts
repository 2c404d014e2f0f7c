import { checkStoreHealth } from "@/lib/data/health";

export const dynamic = "force-dynamic";

// GET /api/health – liveness and store reachability; open (it reveals nothing but "ok")
export async function GET() {
  const ok = await checkStoreHealth();
  return Response.json({ status: ok ? "ok" : "store unavailable" }, { status: ok ? 200 : 503 });
}
