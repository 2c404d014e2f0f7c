import { describe, expect, it } from "vitest";
import { routeOfFile } from "./route-rules";
import { can, landingPage, ROLES } from "./roles";

describe("routeOfFile", () => {
  it("drops route groups and the file name", () => {
    expect(routeOfFile("app/(dashboard)/page.tsx")).toBe("/");
    expect(routeOfFile("app/(dashboard)/sessions/[sessionId]/export/[format]/route.ts")).toBe("/sessions/[sessionId]/export/[format]");
    expect(routeOfFile("app/api/auth/[...all]/route.ts")).toBe("/api/auth/[...all]");
  });
});

describe("the permission matrix", () => {
  it("keeps analysts away from customers, reveals and the raw store", () => {
    for (const p of ["users.find", "personal-data.reveal", "events.explore", "access-log.view", "admin.manage"] as const) {
      expect(can("analyst", p)).toBe(false);
    }
    expect(can("analyst", "sessions.replay")).toBe(true);
  });

  it("lets only admins manage, and only auditors and admins read the access log", () => {
    expect(ROLES.filter((r) => can(r, "admin.manage"))).toEqual(["admin"]);
    expect(ROLES.filter((r) => can(r, "access-log.view"))).toEqual(["auditor", "admin"]);
    expect(ROLES.filter((r) => can(r, "personal-data.reveal"))).toEqual(["agent", "auditor", "admin"]);
    expect(can(null, "sessions.replay")).toBe(false);
  });

  it("lands every role on a page it may open", () => {
    expect(ROLES.map(landingPage)).toEqual(["/users", "/analytics", "/users", "/users"]);
  });
});

describe("the README", () => {
  it("prints the permission matrix exactly as lib/access/roles.ts has it", async () => {
    const { readFileSync } = await import("node:fs");
    const { PERMISSIONS } = await import("./roles");
    const readme = readFileSync("README.md", "utf8");
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${permission}\``));
      expect(row, permission).toBeDefined();
      const marks = row!
        .split("|")
        .slice(2, 6)
        .map((cell) => cell.trim() === "✓");
      expect({ permission, marks }).toEqual({ permission, marks: ROLES.map((role) => can(role, permission)) });
    }
  });
});
