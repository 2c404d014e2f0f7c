import { z } from "zod";
import { createDocument, type oas31, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { ROUTE_RULES } from "../access/route-rules";
import { ERROR_STATUS, type ErrorCode } from "../http/errors";
import { openApiPathOf, type ApiOperation } from "./api-operation";
import { errorAnswer } from "./answers/common";
import { API_OPERATIONS } from "./registry";
import { SECURITY_SCHEMES, accessOf } from "./security";

const ERROR_WORDS: Record<number, string> = {
  400: "bad input: the parameter or attribute is named",
  401: "no valid key or sign-in",
  403: "a key of the wrong kind, or a role without the permission",
  404: "not found: what was asked for is named",
  409: "conflict",
  413: "over a size limit",
  415: "an unsupported content type",
  422: "an invalid event: its index, id and attribute are named",
  429: "over a rate limit (Retry-After says when to try again)",
  500: "unexpected; nothing was written",
  503: "not caught up: no store had folded `minPosition` within 5 s (Retry-After says when to try again)",
};

// Every read through lib/api/handle.ts takes ?minPosition= (lib/sessions/read-position.ts): all GETs but health and Better Auth's.
const TAKES_MIN_POSITION = (operation: ApiOperation) =>
  operation.method === "GET" && operation.route !== "/api/health" && !operation.route.startsWith("/api/auth/");

const minPositionQuery = z.object({
  minPosition: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional()
    .meta({
      description:
        "read at least this position (e.g. one just appended): answered by a store whose read models have folded that far, " +
        "the replica or else the primary; 503 after 5 s if none has",
    }),
});

const queryOf = (operation: ApiOperation) =>
  TAKES_MIN_POSITION(operation) ? (operation.query ?? z.object({})).extend(minPositionQuery.shape) : operation.query;

function errorResponses(operation: ApiOperation, guarded: boolean): ZodOpenApiOperationObject["responses"] {
  const codes = new Set<ErrorCode>(operation.errors ?? []);
  if (queryOf(operation) || operation.params || operation.body) codes.add("invalid_request");
  if (TAKES_MIN_POSITION(operation)) codes.add("not_caught_up");
  if (guarded) {
    codes.add("unauthorized");
    codes.add("forbidden");
  }
  const statuses = [...new Set([...codes].map((code) => ERROR_STATUS[code]))].sort();
  return Object.fromEntries(
    statuses.map((status) => [String(status), { description: ERROR_WORDS[status] ?? "refused", content: { "application/json": { schema: errorAnswer } } }]),
  );
}

/** The group an operation is listed under: /api/users/… → users, Segment's /v1/… → segment, /sessions/… → sessions. */
function tagOf(route: string): string {
  const [first, second] = route.split("/").filter(Boolean);
  return first === "api" ? second! : first === "v1" ? "segment" : first!;
}

/** "GET /api/users/{userId}/resume" → getApiUsersUserIdResume */
function operationIdOf(operation: ApiOperation): string {
  const words = openApiPathOf(operation).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""));
  return `${operation.method.toLowerCase()}${words}`;
}

function operationObject(operation: ApiOperation): ZodOpenApiOperationObject {
  const rule = ROUTE_RULES[operation.route];
  if (!rule) throw new Error(`${operation.method} ${operation.route}: no access rule in lib/access/route-rules.ts`);
  const access = accessOf(rule, operation.method, operation.keyAs);
  const { answer } = operation;
  const status = String(answer.status ?? 200);
  const other = Object.fromEntries(
    Object.entries(operation.otherAnswers ?? {}).map(([code, a]) => [
      code,
      { description: a.description, ...(a.schema ? { content: { "application/json": { schema: a.schema } } } : {}) },
    ]),
  );
  return {
    operationId: operationIdOf(operation),
    summary: operation.summary,
    description: [operation.description, access.who].filter(Boolean).join("\n\n"),
    tags: [tagOf(operation.route)],
    security: access.security,
    ...(operation.params || queryOf(operation)
      ? { requestParams: { ...(operation.params ? { path: operation.params } : {}), ...(queryOf(operation) ? { query: queryOf(operation) } : {}) } }
      : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            ...(operation.body.description ? { description: operation.body.description } : {}),
            content: {
              [operation.body.contentType ?? "application/json"]: { schema: operation.body.schema },
              ...Object.fromEntries(Object.entries(operation.body.also ?? {}).map(([type, schema]) => [type, { schema }])),
            },
          },
        }
      : {}),
    responses: {
      [status]: {
        description: answer.description,
        ...(answer.schema ? { content: { [answer.contentType ?? "application/json"]: { schema: answer.schema } } } : {}),
      },
      ...other,
      ...errorResponses(operation, access.security.length > 0),
    },
  };
}

/** The OpenAPI 3.1 document of every operation in the registry. */
export function buildOpenApiDocument(operations: readonly ApiOperation[] = API_OPERATIONS): oas31.OpenAPIObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of operations) {
    const path = openApiPathOf(operation);
    paths[path] ??= {};
    const item = paths[path];
    const method = operation.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
    if (item[method]) throw new Error(`${operation.method} ${path} is registered twice`);
    item[method] = operationObject(operation);
  }
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Rewind",
        version: "1",
        description:
          "Session journey replay over an append-only CloudEvents store. Errors have one shape, " +
          '{"error":{"code","message","details"}}; personal data is masked in every answer.',
      },
      paths,
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    {
      // An answer may gain fields (later issues add some); a client must not be told it never will.
      override: ({ jsonSchema, io }) => {
        if (io === "output" && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
      },
    },
  );
}

let built: oas31.OpenAPIObject | undefined;

/** Built once per process: the registry does not change while it runs. */
export function openApiDocument(): oas31.OpenAPIObject {
  built ??= buildOpenApiDocument();
  return built;
}
