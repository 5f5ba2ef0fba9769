import { ApiError } from '../../api/api-error';

/** What the chat view does about a refused message (errors before the stream starts). */
export type ChatErrorAction =
  | { kind: 'connect'; provider: string | null; message: string }
  | { kind: 'notice'; tone: 'error' | 'warning'; message: string };

export function chatErrorAction(error: unknown): ChatErrorAction {
  if (!(error instanceof ApiError)) return { kind: 'notice', tone: 'error', message: 'Sending failed. Try again.' };
  switch (error.code) {
    case 'key_required':
      return {
        kind: 'connect',
        provider: error.contextString('provider') ?? null,
        message: 'Connect a key for this provider to continue; your message is still in the box.',
      };
    case 'provider_not_approved':
      return { kind: 'notice', tone: 'error', message: `This provider is not approved: ${error.message}` };
    case 'model_not_allowed':
      return {
        kind: 'notice',
        tone: 'error',
        message: `This model is not allowed by your organisation: ${error.message}`,
      };
    case 'budget_exceeded':
      return { kind: 'notice', tone: 'warning', message: `Token budget reached: ${error.message}` };
    case 'rate_limited':
      return { kind: 'notice', tone: 'warning', message: `Slow down a little: ${error.message}` };
    case 'payload_too_large':
      return { kind: 'notice', tone: 'error', message: 'That message is too long to send.' };
    case 'provider_unavailable':
      return { kind: 'notice', tone: 'error', message: `Couldn't reach the provider: ${error.message}` };
    case 'network':
      return { kind: 'notice', tone: 'error', message: 'Could not reach ChatStudio. Check your connection.' };
    case 'bad_request':
    case 'conflict':
    case 'forbidden':
    case 'internal':
    case 'key_invalid':
    case 'not_found':
    case 'unauthorized':
    case 'unknown':
    case 'upstream_error':
      return { kind: 'notice', tone: 'error', message: error.message };
  }
}
