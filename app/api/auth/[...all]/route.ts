import { getAuth } from "@/lib/auth/better-auth";
import { getStore } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";

// /api/auth/* – Better Auth's endpoints: sign-in (rate limited, same-origin only), sign-out, session
async function authHandler(request: Request) {
  return (await getAuth(getStore())).handler(request);
}

export const GET = authHandler;
export const POST = authHandler;
