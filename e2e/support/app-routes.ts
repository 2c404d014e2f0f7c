import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { routeOfFile } from "../../lib/access/route-rules";

/** Every page.tsx and route.ts under app/, as the route it serves. */
export function routesOnDisk(dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routesOnDisk(path);
    return /^(page\.tsx|route\.ts)$/.test(entry.name) ? [routeOfFile(relative(".", path))] : [];
  });
}

/** The grant a replay's page load gives its background reads (every role may replay). */
export async function replayGrantOf(client: APIRequestContext, sessionId: string): Promise<string> {
  const page = await (await client.get(`/sessions/${encodeURIComponent(sessionId)}`)).text();
  return /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}/.exec(page)?.[0] ?? "";
}
