import { providerNames } from './provider-names';
import { AppError } from '../errors/app-error';
import { ProviderError } from '../providers/spec';
import { TimeoutFailure } from './upstream-stream';

/** The client error for a stream that failed: a timeout of ours, or the provider's own failure. */
export function appErrorFromStreamFailure(failure: ProviderError | TimeoutFailure, provider: string): AppError {
  return failure instanceof TimeoutFailure
    ? new AppError('provider_unavailable', failure.message, { details: { provider } })
    : appErrorFromProvider(failure, 'call');
}

/**
 * Turns an upstream failure into a stable client error. The provider's own message stays in the
 * logs; clients get a code and a sentence that never quotes the upstream body.
 */
export function appErrorFromProvider(error: unknown, context: 'validate' | 'stored-key' | 'call'): AppError {
  if (!(error instanceof ProviderError))
    return new AppError('internal', 'something went wrong on our side', { cause: error });
  const name = providerNames[error.provider];
  const details = { provider: error.provider };
  switch (error.kind) {
    case 'auth':
    case 'forbidden':
      return new AppError(
        'key_invalid',
        context === 'validate'
          ? `${name} rejected this key`
          : `${name} rejected the stored key; replace it in settings`,
        { details, cause: error },
      );
    case 'rate_limited':
      return context === 'call'
        ? new AppError('rate_limited', `${name} is rate limiting this key; try again shortly`, {
            details: {
              ...details,
              ...(error.retryAfterMs !== undefined ? { retryAfterSeconds: Math.ceil(error.retryAfterMs / 1000) } : {}),
            },
            cause: error,
          })
        : new AppError('provider_unavailable', `${name} is rate limiting requests; try again shortly`, {
            details,
            cause: error,
          });
    case 'overloaded':
    case 'server':
    case 'network':
      return new AppError('provider_unavailable', `could not reach ${name}, or it is unavailable; try again shortly`, {
        details,
        cause: error,
      });
    case 'not_found':
      return new AppError('upstream_error', `${name} does not know that model`, { details, cause: error });
    case 'bad_request':
    case 'protocol':
      return new AppError('upstream_error', `${name} could not process the request`, { details, cause: error });
  }
}
