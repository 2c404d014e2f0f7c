import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");

/** Runs a local binary from node_modules/.bin, resolving when it exits successfully. */
export function run(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, "node_modules/.bin", bin), args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${bin} ${args.join(" ")} exited with ${code}`))));
  });
}

export function hasBuild(): boolean {
  return existsSync(join(root, ".next", "BUILD_ID"));
}

export async function build(): Promise<void> {
  await run("next", ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
}

/** Serves the built app in the foreground; Ctrl-C stops it. */
export async function serve(): Promise<void> {
  const port = process.env.PORT ?? "3000";
  const host = process.env.HOST ?? "0.0.0.0";
  console.log(`\nRewind is serving on http://localhost:${port}\n`);
  const child = spawn(join(root, "node_modules/.bin/next"), ["start", "-p", port, "-H", host], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await new Promise<void>((resolve) => child.on("exit", () => resolve()));
}
