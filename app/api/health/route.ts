import { checkStoreHealth } from "@/lib/data/health";

export const dynamic = "force-dynamic";

// GET /api/health – liveness (no key): {status: ok|degraded, projector: {state, position, head, lag,
// deadLetters, role: leader|standby}}; 503 only when the store does not answer. Positions and counts, nothing of any event.
export async function GET() {
  const health = await checkStoreHealth();
  if (!health) return Response.json({ status: "store unavailable" }, { status: 503 });
  return Response.json(health);
}
