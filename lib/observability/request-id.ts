import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/**
 * A request id a client or a proxy in front sends (`x-request-id`) is kept when it is a short
 * token of letters, digits and `._:-` (no spaces, no `@`, nothing a log line or a header could
 * be bent with); anything else is replaced by a new one. Either way the response carries it back.
 */
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export const REQUEST_ID_HEADER = "x-request-id";

export function acceptedRequestId(sent: string | string[] | null | undefined): string | null {
  const value = Array.isArray(sent) ? (sent.length === 1 ? sent[0] : undefined) : sent;
  return typeof value === "string" && SAFE_REQUEST_ID.test(value) ? value : null;
}

/** The id a request goes by: the one it sent when safe, else a new one. */
export function requestIdOf(sent: string | string[] | null | undefined): string {
  return acceptedRequestId(sent) ?? randomUUID();
}

export interface RequestContext {
  requestId: string;
}

/**
 * One store for the whole process: scripts/server.ts (bundled on its own) runs each request in it,
 * and the app's bundles read it from their log lines, so it lives on globalThis, not in a module.
 */
function requestContexts(): AsyncLocalStorage<RequestContext> {
  const g = globalThis as unknown as { rewindRequestContext?: AsyncLocalStorage<RequestContext> };
  g.rewindRequestContext ??= new AsyncLocalStorage<RequestContext>();
  return g.rewindRequestContext;
}

export function runInRequest<T>(context: RequestContext, work: () => T): T {
  return requestContexts().run(context, work);
}

/** The id of the request this code runs for, or null outside one (startup, the projector's loop). */
export function currentRequestId(): string | null {
  return requestContexts().getStore()?.requestId ?? null;
}
