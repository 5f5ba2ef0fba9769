import { ApiError } from '../../api/api-error';

/**
 * What to tell the user when connecting a key fails (spec §3 step 3). Nothing was stored in any of
 * these cases; the key itself is never echoed.
 */
export function connectKeyErrorMessage(error: unknown, providerName: string): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  switch (error.code) {
    case 'key_invalid':
      return `${providerName} rejected this key. Check that you copied all of it and that it is active. Nothing was saved.`;
    case 'provider_unavailable':
    case 'upstream_error':
      return `We couldn't reach ${providerName} to check the key. Nothing was saved; try again in a moment.`;
    case 'bad_request':
      return `That doesn't look like a ${providerName} key: ${error.message}.`;
    case 'forbidden':
    case 'provider_not_approved':
      return `You can't connect a personal key here: ${error.message}.`;
    case 'rate_limited':
      return 'Too many attempts. Wait a minute and try again.';
    case 'network':
      return 'Could not reach the ChatStudio server. Check your connection.';
    case 'budget_exceeded':
    case 'conflict':
    case 'internal':
    case 'key_required':
    case 'model_not_allowed':
    case 'not_found':
    case 'payload_too_large':
    case 'unauthorized':
    case 'unknown':
      return `Connecting failed: ${error.message}.`;
  }
}
