import type { ErrorCode } from '@chatstudio/contract';
import { errorCodes } from '@chatstudio/contract';

/** Any code the client knows, plus `network` (no response at all) and `unknown` (an unparseable body). */
export type ClientErrorCode = ErrorCode | 'network' | 'unknown';

/**
 * A failed API call with the server's stable `code` (spec §6). Components branch on `code`, never on
 * `message`; `context` carries the extra fields of the error body (e.g. `provider` on `key_required`).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly status: number,
    readonly context: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }

  /** A string-valued context field, e.g. `error.contextString('provider')`. */
  contextString(key: string): string | undefined {
    const value = this.context[key];
    return typeof value === 'string' ? value : undefined;
  }
}

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What to say when the body has no usable message; never echoes unknown server text verbatim. */
function fallbackMessage(status: number): string {
  if (status === 0) return 'could not reach the server';
  if (status >= 500) return 'the server ran into a problem';
  return `the request failed (HTTP ${status})`;
}

/**
 * Turns an error response into an `ApiError`. Accepts the contract's `{error: {code, message, ...}}`;
 * anything else (an HTML proxy page, empty body, unknown code) still becomes a typed error.
 */
export function parseApiError(status: number, body: unknown): ApiError {
  if (isRecord(body) && isRecord(body.error)) {
    const { code, message, ...context } = body.error;
    const knownCode = typeof code === 'string' && knownCodes.has(code) ? (code as ErrorCode) : 'unknown';
    const text = typeof message === 'string' && message.trim() !== '' ? message : fallbackMessage(status);
    return new ApiError(knownCode, text, status, context);
  }
  return new ApiError(statusCode(status), fallbackMessage(status), status);
}

/** Best guess at a code when the body is not the contract's shape. */
function statusCode(status: number): ClientErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'rate_limited';
    case 500:
      return 'internal';
    default:
      return 'unknown';
  }
}

/** Reads a response's body as JSON if it is JSON, else `undefined` (never throws). */
export async function readJsonSafely(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A short human sentence for any thrown value, for generic error banners. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'something went wrong';
}
