import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_RULES, serverActionsOf } from "./action-rules";

/** Every server action under app/, components/ and lib/actions/, as "<file>#<export>" with the gate its code passes. */
function serverActionsOnDisk(dirs = ["app", "components", "lib/actions"]): Map<string, string | null> {
  const found = new Map<string, string | null>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        for (const action of serverActionsOf(path, readFileSync(path, "utf8")) ?? []) found.set(`${path.replace(/\\/g, "/")}#${action.name}`, action.gate);
      }
    }
  };
  dirs.forEach(walk);
  return found;
}

describe("server actions in the code", () => {
  const onDisk = serverActionsOnDisk();

  it("finds the actions (at least the 15 there were when this test was written)", () => {
    expect(onDisk.size).toBeGreaterThanOrEqual(15);
  });

  it("defines them all in lib/actions/, never in app/ or components/ (a component gets one by import or as a prop)", () => {
    expect([...onDisk.keys()].filter((a) => !a.startsWith("lib/actions/"))).toEqual([]);
  });

  it("each has a rule, and no rule names an action that is gone", () => {
    expect(
      [...onDisk.keys()].filter((a) => !(a in ACTION_RULES)),
      "actions without a rule in lib/access/action-rules.ts",
    ).toEqual([]);
    expect(
      Object.keys(ACTION_RULES).filter((a) => !onDisk.has(a)),
      "rules for actions that no longer exist",
    ).toEqual([]);
  });

  it("each starts with the gate its rule names", () => {
    const wrong = [...onDisk]
      .filter(([action, gate]) => gate !== ACTION_RULES[action])
      .map(([action, gate]) => `${action}: checks ${gate ?? "nothing"}, rule says ${ACTION_RULES[action]}`);
    expect(wrong).toEqual([]);
  });
});

describe("serverActionsOf", () => {
  it("reads each exported async function's gate, directly or through a helper of the file", () => {
    const source = `"use server";
import { requireViewer } from "@/lib/data/viewer";
export type Result = { ok: boolean };
async function allowed() {
  return requireViewer("sessions.replay");
}
export async function direct() {
  await requireViewer("admin.manage");
}
export async function viaHelper() {
  await allowed();
}
export const arrow = async () => {
  await requireSignedIn();
};
export async function open() {
  return 1;
}
`;
    expect(serverActionsOf("a.ts", source)).toEqual([
      { name: "direct", gate: "admin.manage" },
      { name: "viaHelper", gate: "sessions.replay" },
      { name: "arrow", gate: "signed-in" },
      { name: "open", gate: null },
    ]);
  });

  it("ignores files without the directive and refuses shapes it cannot vouch for", () => {
    expect(serverActionsOf("a.ts", "export async function f() {}")).toBeNull();
    expect(() => serverActionsOf("a.tsx", `export default function P() {\n  async function act() {\n    "use server";\n  }\n}`)).toThrow(/inline/);
    expect(() => serverActionsOf("a.ts", `"use server";\nasync function f() {}\nexport { f };`)).toThrow(/export each/);
    expect(() => serverActionsOf("a.ts", `"use server";\nexport function f() {}`)).toThrow(/only async functions/);
  });
});
