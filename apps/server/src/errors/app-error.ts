import { errorStatus, type ErrorCode } from '@chatstudio/contract';

/**
 * The one error type with a wire meaning. `message` must be safe to show a client: no keys, no SQL,
 * no upstream bodies. `details` are extra fields merged into the error body (e.g. `provider`).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options?: { details?: Record<string, unknown>; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorStatus[code];
    this.details = options?.details;
  }
}
