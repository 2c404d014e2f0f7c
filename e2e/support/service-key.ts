import { execFileSync } from "node:child_process";

const STORE = process.env.E2E_DATABASE_URL ?? "file:./test-results/e2e-store/rewind.db";

/** From a test: runs this file against the e2e server's store and answers the key. */
export function createServiceKey(name: string, permissions: string): string {
  const output = execFileSync("node_modules/.bin/tsx", ["e2e/support/create-service-key.ts", name, permissions], {
    env: { ...process.env, DATABASE_URL: STORE },
  });
  const key = output.toString().trim().split("\n").pop() ?? "";
  if (!key.startsWith("rw")) throw new Error(`create-service-key printed ${JSON.stringify(output.toString())}`);
  return key;
}
