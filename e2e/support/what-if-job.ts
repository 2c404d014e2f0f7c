import { readFileSync } from "node:fs";
import { expect, type APIRequestContext } from "@playwright/test";
import { serviceAuth } from "./seed";

/** Starts a what-if job with a service key, on a draft of a name of its own (one runs per name): its id. */
export async function startWhatIfJob(request: APIRequestContext): Promise<string> {
  const draft = {
    ...JSON.parse(readFileSync("lib/testing/fixtures/shop-journey.json", "utf8")),
    name: `wi-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
  };
  const started = await request.post("/api/journeys/what-if", { headers: serviceAuth, data: { definition: draft } });
  expect(started.status()).toBe(202);
  return (await started.json()).id as string;
}
