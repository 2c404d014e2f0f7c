import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { routeOfFile } from "../../lib/access/route-rules";

// React's own encoder for a server action's arguments, the one the browser uses (untyped: Next's copy).
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

/**
 * Server actions over HTTP, as the browser calls them: a POST with the action's id in the
 * `Next-Action` header and its arguments encoded by React. Ids come from the build's manifest
 * (.next/server/server-reference-manifest.json), by file and export name.
 */
type Manifest = { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };

export interface BuiltAction {
  id: string;
  /** a page that hosts it ("/sessions/[sessionId]"), where the browser posts it from */
  route: string;
}

/** "<file>#<export>" → the action's id and a page hosting it, for every server action of the build under test. */
export function builtActions(): Map<string, BuiltAction> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  return new Map(
    Object.entries(manifest.node).map(([id, a]) => [`${a.filename}#${a.exportedName}`, { id, route: routeOfFile(`${Object.keys(a.workers)[0]}.tsx`) }]),
  );
}

export interface ActionCall {
  status: number;
  /** where the action sent the caller (`redirect()`), if anywhere */
  redirect: string | null;
  /** the action's return value, when it returned one */
  result: unknown;
}

/**
 * Calls one action, posted to `path`, a page that hosts it (as the browser does: posted to a page
 * that does not, Next forwards it and answers 200 whatever the action did). The status is the
 * action's own: 403 for forbidden(), 200 otherwise, a redirect in `x-action-redirect`.
 */
export async function callAction(
  client: APIRequestContext,
  baseURL: string,
  path: string,
  id: string,
  args: unknown[],
  headers: Record<string, string> = {},
): Promise<ActionCall> {
  const body = await encodeReply(args);
  const common = { ...headers, "next-action": id, accept: "text/x-component", origin: baseURL };
  const response =
    body instanceof FormData
      ? await client.post(path, { headers: common, multipart: body, maxRedirects: 0 })
      : await client.post(path, { headers: { ...common, "content-type": "text/plain;charset=UTF-8" }, data: body, maxRedirects: 0 });
  const text = await response.text();
  return { status: response.status(), redirect: response.headers()["x-action-redirect"] ?? null, result: resultOf(text) };
}

/** The action's result in a Flight response: the row the root row's `a` points at ("$@<row>"). */
function resultOf(flight: string): unknown {
  const rows = new Map<string, string>();
  for (const line of flight.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const ref = typeof root?.a === "string" ? /^\$@([0-9a-f]+)$/.exec(root.a)?.[1] : undefined;
    if (ref === undefined) return root?.a;
    return JSON.parse(rows.get(ref) ?? "null");
  } catch {
    return undefined;
  }
}

/** Form fields as the FormData a form action receives. */
export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
