import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { ROUTE_RULES, routeOfFile } from "../access/route-rules";
import { openApiPathOf } from "./api-operation";
import { buildOpenApiDocument } from "./openapi-document";
import { API_OPERATIONS } from "./registry";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/ with the methods it exports, read from its source as Next.js reads its exports. */
function routesOnDisk(dir = "app"): { route: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routesOnDisk(path);
    if (entry.name !== "route.ts") return [];
    const source = readFileSync(path, "utf8");
    const methods = METHODS.filter((m) => new RegExp(`export\\s+(const\\s+${m}\\b|(async\\s+)?function\\s+${m}\\b|\\{[^}]*\\b${m}\\b[^}]*\\})`).test(source));
    return [{ route: routeOfFile(relative(".", path)), methods }];
  });
}

/** "/api/auth/sign-out" against "/api/auth/[...all]": a catch-all takes one segment or more. */
function pathServedBy(route: string, path: string): boolean {
  const pattern = route
    .split("/")
    .map((s) => (/^\[\.\.\..+\]$/.test(s) ? ".+" : /^\[.+\]$/.test(s) ? "\\{[^/]+\\}" : s.replace(/[.*+?^${}()|\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${pattern}$`).test(path);
}

const document = buildOpenApiDocument();
const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  METHODS.filter((m) => (item as Record<string, unknown>)[m.toLowerCase()]).map((method) => ({ path, method })),
);

describe("the OpenAPI document against the routes", () => {
  const onDisk = routesOnDisk();

  it("documents every method of every route, and nothing else", () => {
    const missing = onDisk.flatMap(({ route, methods }) =>
      methods.filter((m) => !documented.some((d) => d.method === m && pathServedBy(route, d.path))).map((m) => `${m} ${route}`),
    );
    expect(missing, "route methods the document misses (register them in lib/openapi/registry.ts)").toEqual([]);
    const stale = documented.filter((d) => !onDisk.some(({ route, methods }) => methods.includes(d.method) && pathServedBy(route, d.path)));
    expect(stale, "documented operations no route serves").toEqual([]);
  });

  it("reads the methods a route exports", () => {
    const methodsOf = (route: string) => onDisk.find((r) => r.route === route)?.methods;
    expect(methodsOf("/api/events")).toEqual(["GET", "POST"]);
    expect(methodsOf("/api/resume-links/[linkId]")).toEqual(["DELETE"]);
    expect(methodsOf("/api/health")).toEqual(["GET"]);
  });

  it("names each operation's route as the access rules do, with its path parameters", () => {
    for (const operation of API_OPERATIONS) {
      expect(ROUTE_RULES[operation.route], operation.route).toBeDefined();
      const names = [...openApiPathOf(operation).matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(Object.keys(operation.params?.shape ?? {}).sort(), `${operation.method} ${operation.route}`).toEqual(names.sort());
    }
  });

  it("takes who may call from the access rule", () => {
    const ops = document.paths!;
    expect(ops["/api/health"]!.get!.security).toEqual([]);
    expect(ops["/api/openapi.json"]!.get!.security).toEqual([]);
    expect(ops["/api/events"]!.post!.security).toEqual([{ producerKey: [] }]);
    expect(ops["/api/events"]!.get!.security).toEqual([{ serviceKey: [] }, { dashboardSession: [] }]);
    expect(ops["/api/replay/{sessionId}/block"]!.get!.security).toEqual([{ dashboardSession: [] }]);
    expect(ops["/api/metrics"]!.get!.security).toEqual([{ metricsToken: [] }, { serviceKey: [] }, { dashboardSession: [] }]);
    expect(ops["/api/events"]!.post!.responses!["401"]).toBeDefined();
    expect(ops["/api/health"]!.get!.responses!["401"]).toBeUndefined();
  });

  it("says so when a route takes its producer key as the HTTP Basic user name (Segment's tracking API)", () => {
    const append = API_OPERATIONS.find((o) => o.route === "/api/events" && o.method === "POST")!;
    const basic = buildOpenApiDocument([{ ...append, keyAs: "basic" }]);
    expect(basic.paths!["/api/events"]!.post!.security).toEqual([{ producerKeyBasic: [] }]);
    expect(basic.components!.securitySchemes!.producerKeyBasic).toMatchObject({ type: "http", scheme: "basic" });
  });

  it("describes a route's query with the schema the route parses it with", () => {
    const feed = document.paths!["/api/events"]!.get!.parameters as { name: string; schema: { default?: number; maximum?: number } }[];
    expect(feed.map((p) => p.name)).toEqual(["after", "limit", "minPosition"]);
    expect(feed[1]!.schema).toMatchObject({ default: 100, maximum: 1000 });
  });

  it("offers minPosition, and its 503, on every read that takes it: each GET but health and Better Auth's", () => {
    const reads = Object.entries(document.paths!).flatMap(([path, item]) => (item.get ? [[path, item.get] as const] : []));
    expect(reads.length).toBeGreaterThan(15);
    for (const [path, get] of reads) {
      const names = ((get.parameters ?? []) as { name: string }[]).map((p) => p.name);
      const takes = path !== "/api/health" && !path.startsWith("/api/auth/");
      expect(names.includes("minPosition"), path).toBe(takes);
      expect(Boolean(get.responses?.["503"]), path).toBe(takes || path === "/api/health");
    }
  });

  it("refuses an operation registered twice or one without an access rule", () => {
    const op = API_OPERATIONS[0]!;
    expect(() => buildOpenApiDocument([op, op])).toThrow(/registered twice/);
    expect(() => buildOpenApiDocument([{ ...op, route: "/api/nowhere" }])).toThrow(/no access rule/);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("is refused by the validator when broken, so the check above can fail", async () => {
    const broken = { ...structuredClone(document), paths: { "/x": { get: { responses: { "200": { content: {} } } } } } };
    expect((await new Validator().validate(broken as unknown as Record<string, unknown>)).valid).toBe(false);
  });

  it("keeps the error shape as a component every refusal points at", () => {
    const error = document.components!.schemas!.Error as { properties: { error: { required: string[] } } };
    expect(error.properties.error.required).toEqual(["code", "message", "details"]);
    const refusal = document.paths!["/api/users/{userId}/resume"]!.get!.responses!["404"] as { content: Record<string, { schema: unknown }> };
    expect(refusal.content["application/json"]!.schema).toEqual({ $ref: "#/components/schemas/Error" });
  });
});
