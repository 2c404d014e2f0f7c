import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { buildSync } from "esbuild";
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

/**
 * scripts/server.ts as one plain JavaScript file (.next/rewind-server.mjs, packages left as
 * imports), so the server runs on bare Node: under tsx's loader it served about a tenth fewer
 * events per second (`npm run bench -- ingest`).
 */
export function compileServer(): string {
  const outfile = join(root, ".next", "rewind-server.mjs");
  buildSync({
    entryPoints: [join(root, "scripts/server.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

/** Serves the built app in the foreground (scripts/server.ts); Ctrl-C stops it. */
export async function serve(): Promise<void> {
  const child = spawn(process.execPath, [compileServer()], {
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
