import type { ProviderId } from '@chatstudio/contract';
import { ProviderError, type ProviderErrorKind } from '../spec';
import { parseErrorBody, type UpstreamErrorBody } from './error-body';
import { classifyUpstreamError } from './error-classify';
import { parseRetryAfterMs } from './retry-after';

const phrases: Record<ProviderErrorKind, string> = {
  auth: 'rejected the API key',
  forbidden: 'refused access with this key',
  not_found: 'does not know this model or endpoint',
  bad_request: 'refused the request',
  rate_limited: 'is rate limiting this key',
  overloaded: 'is overloaded',
  server: 'had an internal error',
  network: 'could not be reached or the connection was cut',
  protocol: 'sent a response that could not be understood',
};

const maxUpstreamMessageLength = 500;

/**
 * The client-safe message for a failure: built only from the provider id and the kind, so no
 * upstream text (which can echo a key, as OpenAI's 401 does) ever reaches it.
 */
export function genericMessage(provider: ProviderId, kind: ProviderErrorKind): string {
  return `${provider} ${phrases[kind]}`;
}

/**
 * Removes the caller's key, and anything shaped like a provider key, from upstream text before it
 * is kept for logs. OpenAI echoes a masked key in its 401; we drop even the masked fragments.
 */
export function redactSecrets(text: string, secret: string | undefined): string {
  let result = secret ? text.split(secret).join('[redacted]') : text;
  result = result.replace(/\bsk-[^\s"',.]+/g, 'sk-[redacted]');
  return result.length > maxUpstreamMessageLength ? `${result.slice(0, maxUpstreamMessageLength)}…` : result;
}

function describe(body: UpstreamErrorBody): string | undefined {
  const tag = [body.type, body.code].filter(Boolean).join('/');
  if (!tag && !body.message) return undefined;
  return tag ? `${tag}: ${body.message ?? ''}`.trim() : body.message;
}

/** Builds the ProviderError for a non-2xx HTTP answer, honouring retry hints in the headers. */
export function errorFromResponse(input: {
  provider: ProviderId;
  status: number;
  headers: Headers;
  bodyText: string;
  secret?: string | undefined;
}): ProviderError {
  const body = parseErrorBody(input.bodyText);
  const { kind, retryable } = classifyUpstreamError(input.status, body);
  const shouldRetry = input.headers.get('x-should-retry');
  const upstream = describe(body);
  return new ProviderError({
    kind,
    provider: input.provider,
    message: genericMessage(input.provider, kind),
    status: input.status,
    retryable: shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : retryable,
    retryAfterMs: parseRetryAfterMs(input.headers),
    upstreamMessage: upstream === undefined ? undefined : redactSecrets(upstream, input.secret),
  });
}

/** Builds the ProviderError for an error event that arrived inside a 200 stream (no status). */
export function errorFromStreamPayload(provider: ProviderId, payload: unknown, secret?: string): ProviderError {
  const body = parseErrorBody(payload);
  const { kind, retryable } = classifyUpstreamError(undefined, body);
  const upstream = describe(body);
  return new ProviderError({
    kind,
    provider,
    message: genericMessage(provider, kind),
    retryable,
    upstreamMessage: upstream === undefined ? undefined : redactSecrets(upstream, secret),
  });
}

/** A failure to reach the provider or a connection cut; `detail` is ours, never upstream text. */
export function networkError(provider: ProviderId, detail: string, cause?: unknown): ProviderError {
  return new ProviderError({
    kind: 'network',
    provider,
    message: genericMessage(provider, 'network'),
    upstreamMessage: detail,
    cause,
  });
}

/** The provider answered, but not in the shape its protocol promises. */
export function protocolError(provider: ProviderId, detail: string): ProviderError {
  return new ProviderError({
    kind: 'protocol',
    provider,
    message: genericMessage(provider, 'protocol'),
    upstreamMessage: detail,
  });
}
