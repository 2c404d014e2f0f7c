import { describe, expect, it } from "vitest";
import { ROUTE_RULES } from "../access/route-rules";
import { methodLabel, routeLabeller, UNMATCHED_ROUTE } from "./route-label";

describe("the route label of a request path", () => {
  const routeOf = routeLabeller(Object.keys(ROUTE_RULES));

  it("is the app's route pattern, never the path's ids", () => {
    expect(routeOf("/api/sessions/s-9f3e2a")).toBe("/api/sessions/[sessionId]");
    expect(routeOf("/api/users/ann.smith%40example.com/sessions")).toBe("/api/users/[userId]/sessions");
    expect(routeOf("/sessions/s-1/export/json")).toBe("/sessions/[sessionId]/export/[format]");
    expect(routeOf("/api/auth/sign-in/email")).toBe("/api/auth/[...all]");
    expect(routeOf("/api/metrics")).toBe("/api/metrics");
    expect(routeOf("/api/events/")).toBe("/api/events");
    expect(routeOf("/")).toBe("/");
  });

  it("prefers a static segment to a dynamic one", () => {
    expect(routeOf("/api/journeys/what-if")).toBe("/api/journeys/what-if");
    expect(routeOf("/api/journeys/holiday-booking")).toBe("/api/journeys/[name]");
    expect(routeOf("/api/journeys/what-if/job-1")).toBe("/api/journeys/what-if/[id]");
    expect(routeOf("/resume/continue")).toBe("/resume/continue");
    expect(routeOf("/resume/tok.en")).toBe("/resume/[token]");
  });

  it("is one fixed value for every path no route serves, and one for Next's assets", () => {
    expect(routeOf("/wp-admin/setup.php")).toBe(UNMATCHED_ROUTE);
    expect(routeOf("/api/sessions/a/b/c")).toBe(UNMATCHED_ROUTE);
    expect(routeOf("/api/auth")).toBe(UNMATCHED_ROUTE);
    expect(routeOf("")).toBe(UNMATCHED_ROUTE);
    expect(routeOf("/_next/static/chunks/abc.js")).toBe("/_next");
  });

  it("has only the app's patterns and those two as values, whatever the path (computed over many invented paths)", () => {
    const allowed = new Set([...Object.keys(ROUTE_RULES), UNMATCHED_ROUTE, "/_next"]);
    const segments = ["api", "sessions", "x", "users", "v1", "batch", "..", "%2F", "journeys", "what-if", "export", "json", ""];
    let seen = 0;
    for (const a of segments)
      for (const b of segments)
        for (const c of segments) {
          expect(allowed.has(routeOf(`/${a}/${b}/${c}`))).toBe(true);
          seen++;
        }
    expect(seen).toBe(segments.length ** 3);
  });

  it("keeps a method to the usual ones", () => {
    expect(methodLabel("get")).toBe("GET");
    expect(methodLabel("DELETE")).toBe("DELETE");
    expect(methodLabel("ann.smith@example.com")).toBe("OTHER");
    expect(methodLabel(undefined)).toBe("OTHER");
  });
});
