import { DuplicateIdConflictError, WrongExpectedVersionError } from "../eventstore/errors";
import { BlockedUserError } from "../ingest/blocked-check";
import { metrics } from "../observability/metrics";
import { logLine } from "../privacy/log";
import { ApiError } from "../http/errors";
import { getStore } from "../db/prisma";
import { requireKnownCaller } from "../data/api-access";
import { getReplicaStore, readingFrom } from "../db/read-store";
import { InvalidMinPositionError, NotCaughtUpError, parseMinPosition, storeAtLeast } from "../sessions/read-position";

/** Store conflicts become the API's 409s, with what the caller needs to retry correctly. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof WrongExpectedVersionError) {
    return new ApiError("wrong_expected_version", error.message, {
      index: error.index,
      attribute: "expectedversion",
      stream: error.stream,
      expectedVersion: error.expectedVersion,
      currentVersion: error.currentVersion,
    });
  }
  if (error instanceof DuplicateIdConflictError) {
    return new ApiError("duplicate_id_conflict", error.message, {
      index: error.index,
      attribute: "id",
      source: error.source,
      id: error.id,
      storedPosition: error.storedPosition,
    });
  }
  if (error instanceof InvalidMinPositionError) return new ApiError("invalid_request", error.message, { attribute: "minPosition" });
  if (error instanceof NotCaughtUpError) {
    return new ApiError("not_caught_up", error.message, {
      attribute: "minPosition",
      minPosition: error.minPosition,
      position: error.position,
      retryAfterSeconds: 1,
    });
  }
  if (error instanceof BlockedUserError) {
    // The event by index and id, and the admin's reason; not the user id (personal data).
    return new ApiError("invalid_event", error.message, { index: error.index, id: error.id, attribute: "userid", reason: error.reason });
  }
  // Unexpected: log the kind of failure only. Messages can quote event data, which may hold
  // personal data that must never reach server logs.
  const code = (error as { code?: unknown } | null)?.code;
  logLine("error", `unexpected error: ${error instanceof Error ? error.name : typeof error}${typeof code === "string" ? ` (${code})` : ""}`);
  return new ApiError("internal", "an unexpected error occurred; nothing was written");
}

export function errorResponse(error: unknown, onRefusal?: (apiError: ApiError) => void): Response {
  const apiError = toApiError(error);
  onRefusal?.(apiError);
  const retry = apiError.details.retryAfterSeconds;
  return Response.json(apiError.toBody(), {
    status: apiError.status,
    headers: typeof retry === "number" ? { "retry-after": String(retry) } : undefined,
  });
}

/**
 * Wraps a route handler so every failure leaves in the one error shape (and `onRefusal` sees it).
 * A read (GET) that asks for `?minPosition=` is answered from a store that has folded at least
 * that far (lib/sessions/read-position.ts).
 */
export function handle<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
  onRefusal?: (apiError: ApiError) => void,
): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      const request = args[0];
      const minPosition = request instanceof Request && request.method === "GET" ? parseMinPosition(new URL(request.url).searchParams) : null;
      if (minPosition !== null) {
        await requireKnownCaller(request as Request);
        const store = await storeAtLeast({ primary: getStore(), replica: getReplicaStore() }, minPosition);
        return await readingFrom(store, () => handler(...args));
      }
      return await handler(...args);
    } catch (error) {
      return errorResponse(error, onRefusal);
    }
  };
}

/** handle() for an ingestion route: each refusal is counted by its error code (rewind_ingest_refusals_total). */
export function handleIngest<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return handle(handler, (apiError) => metrics().ingestRefusals.inc({ reason: apiError.code }));
}
