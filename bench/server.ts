import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { build, compileServer, hasBuild } from "../scripts/serve";

const root = join(__dirname, "..");

export interface BenchServer {
  url: string;
  /** peak resident memory (VmHWM) of the server's process tree so far, in MB */
  peakMemoryMb: () => number;
  stop: () => Promise<void>;
}

function descendants(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry), ...descendants(Number(entry)));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

function peakOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** The production server (scripts/server.ts, what `npm start` runs) on a store of its own, as a real deployment runs it. */
export async function startBenchServer(env: Record<string, string>, port = 3199): Promise<BenchServer> {
  if (!hasBuild()) await build();
  // REWIND_BENCH_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (where the time went).
  const profile = process.env.REWIND_BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.REWIND_BENCH_PROFILE}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, compileServer()], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  let peak = 0;
  const sample = () => {
    const pids = [child.pid!, ...descendants(child.pid!)];
    peak = Math.max(
      peak,
      pids.reduce((sum, pid) => sum + peakOf(pid), 0),
    );
    return peak;
  };
  return {
    url,
    peakMemoryMb: sample,
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}
