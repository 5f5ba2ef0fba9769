import type { ProviderId } from '@chatstudio/contract';
import { parseJson } from './json';
import { errorFromResponse, networkError, protocolError } from './upstream-error';

/** One HTTP call to a provider. `secret` is the key in use, so error text can be scrubbed of it. */
export interface UpstreamCall {
  provider: ProviderId;
  fetch: typeof globalThis.fetch;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  secret?: string | undefined;
}

/** Joins a configured base URL (with or without a trailing slash) and a path starting with `/`. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/**
 * Sends the call and returns the response only if it is 2xx. Every other outcome becomes a
 * ProviderError (status-mapped, or `network` when the provider cannot be reached). An aborted
 * signal is not a provider failure: its reason is rethrown as is.
 */
export async function callUpstream(call: UpstreamCall): Promise<Response> {
  let response: Response;
  try {
    const headers = call.body === undefined ? call.headers : { ...call.headers, 'content-type': 'application/json' };
    response = await call.fetch(call.url, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: call.signal,
    });
  } catch (error) {
    if (call.signal?.aborted) throw call.signal.reason;
    throw networkError(call.provider, `request to ${call.method} ${new URL(call.url).pathname} failed`, error);
  }
  if (response.ok) return response;
  const bodyText = await response.text().catch(() => '');
  throw errorFromResponse({
    provider: call.provider,
    status: response.status,
    headers: response.headers,
    bodyText,
    secret: call.secret,
  });
}

/** `callUpstream` for JSON endpoints: resolves with the parsed body or throws a `protocol` error. */
export async function fetchJson(call: UpstreamCall): Promise<unknown> {
  const response = await callUpstream(call);
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (call.signal?.aborted) throw call.signal.reason;
    throw networkError(call.provider, 'connection cut while reading the response', error);
  }
  const value = parseJson(text);
  if (value === undefined) throw protocolError(call.provider, `non-JSON body from ${new URL(call.url).pathname}`);
  return value;
}
