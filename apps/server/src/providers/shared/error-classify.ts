import type { ProviderErrorKind } from '../spec';
import type { UpstreamErrorBody } from './error-body';

export interface ErrorClassification {
  kind: ProviderErrorKind;
  /** Set only when it differs from the kind's default (see ProviderError). */
  retryable?: boolean;
}

/**
 * Maps an upstream failure to the kind the rest of the server acts on. The HTTP status decides,
 * except where providers.md documents a body that means something else:
 * - `insufficient_quota` is a 429 that must not be retried (OpenAI §1.4, DashScope §4.4);
 * - OpenAI's restricted key is a 401 saying "Missing scopes": the key is valid, access is not (§1.5);
 * - Mistral's unknown model is a 400 `invalid_model` (§3.4), OpenAI-style 404 `model_not_found`;
 * - `overloaded_error` / `server_is_overloaded` mean overloaded whatever the status (529, 503).
 * Without a status (an error event inside a 200 stream) the error type decides, `server` by default.
 */
export function classifyUpstreamError(status: number | undefined, body: UpstreamErrorBody): ErrorClassification {
  const tags = `${body.type ?? ''} ${body.code ?? ''}`.toLowerCase();
  if (tags.includes('insufficient_quota')) return { kind: 'rate_limited', retryable: false };
  if (status === 401 && body.message?.includes('Missing scopes')) return { kind: 'forbidden' };
  if (tags.includes('overloaded')) return { kind: 'overloaded' };
  if (tags.includes('invalid_model') || tags.includes('model_not_found')) return { kind: 'not_found' };
  if (status !== undefined) return { kind: kindForStatus(status) };
  return { kind: kindForType(tags) };
}

/** Status → kind, for bodies that say nothing more specific. */
export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 401) return 'auth';
  if (status === 402 || status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 529) return 'overloaded';
  // 408 and 409 are retried by the official SDKs (providers.md §0.1), so they count as transient.
  if (status === 408 || status === 409 || status >= 500) return 'server';
  if (status >= 400) return 'bad_request';
  return 'protocol';
}

function kindForType(tags: string): ProviderErrorKind {
  if (/rate_limit|limit_requests|rate_limited|throttling/.test(tags)) return 'rate_limited';
  if (/authentication|invalid_api_key/.test(tags)) return 'auth';
  if (/permission|access_denied/.test(tags)) return 'forbidden';
  if (tags.includes('not_found')) return 'not_found';
  if (/invalid_request|invalid_parameter/.test(tags)) return 'bad_request';
  return 'server';
}
