/**
 * The one error shape of the HTTP API: `{"error":{"code","message","details"}}`. Every code maps
 * to exactly one HTTP status, so a handler names what went wrong and never picks a status.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  malformed_json: 400,
  unauthorized: 401,
  forbidden: 403,
  reserved_namespace: 403,
  not_found: 404,
  conflict: 409,
  wrong_expected_version: 409,
  duplicate_id_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_event: 422,
  rate_limited: 429,
  internal: 500,
  not_caught_up: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorDetails = Record<string, unknown>;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): { error: { code: ErrorCode; message: string; details: ErrorDetails } } {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}
