/**
 * Stable error codes of the HTTP contract (spec §6). Clients branch on `code`, never on `message`.
 * The status for each code is fixed here so the server maps errors to the wire in exactly one place.
 */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  key_required: 409,
  key_invalid: 422,
  provider_not_approved: 403,
  model_not_allowed: 403,
  budget_exceeded: 429,
  rate_limited: 429,
  payload_too_large: 413,
  provider_unavailable: 502,
  upstream_error: 502,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; [context: string]: unknown };
}
