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

/** Serves the built app in the foreground (scripts/server.ts); Ctrl-C stops it. */
export async function serve(): Promise<void> {
  const child = spawn(join(root, "node_modules/.bin/tsx"), [join(root, "scripts/server.ts")], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
  if (code !== 0 && code !== null) throw new Error(`the server exited with ${code}`);
}
