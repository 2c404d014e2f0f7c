import type { z } from "zod";
import type { ErrorCode } from "../http/errors";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One operation of the HTTP API as the OpenAPI document describes it. The schemas are the ones
 * the route validates with (its query, its body), so the document cannot describe another input
 * than the one the route accepts; who may call it comes from the route's access rule, not from
 * here, so it cannot disagree with the access matrix either.
 */
export interface ApiOperation {
  /** the route as lib/access/route-rules.ts names it: "/api/users/[userId]/resume" */
  route: string;
  method: HttpMethod;
  /** only for a catch-all route: the one path of it this operation is ("/api/auth/sign-out") */
  path?: string;
  summary: string;
  description?: string;
  /** the route's path segments, `[userId]` → a property `userId` */
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { schema: z.ZodType; contentType?: string; description?: string /** other content types it takes */; also?: Record<string, z.ZodType> };
  answer: { status?: 200 | 201 | 202 | 204; description: string; schema?: z.ZodType; contentType?: string };
  /** how the route reads its key, when not as a bearer token: Segment's tracking API takes it as the HTTP Basic user name */
  keyAs?: "basic";
  /** what it refuses with, besides the refusals every guarded route has (401, 403) and a bad input (400) */
  errors?: readonly ErrorCode[];
  /** answers outside the error shape, by status ("503": the store does not answer) */
  otherAnswers?: Record<string, { description: string; schema?: z.ZodType }>;
}

/** The OpenAPI path of a route: `[userId]` → `{userId}`. */
export function openApiPathOf(operation: Pick<ApiOperation, "route" | "path">): string {
  return operation.path ?? operation.route.replace(/\[([^\].]+)\]/g, "{$1}");
}
