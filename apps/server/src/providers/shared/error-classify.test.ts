import { describe, expect, it } from 'vitest';
import { classifyUpstreamError, kindForStatus } from './error-classify';

describe('kindForStatus', () => {
  it.each([
    [400, 'bad_request'],
    [422, 'bad_request'],
    [401, 'auth'],
    [402, 'forbidden'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [408, 'server'],
    [429, 'rate_limited'],
    [500, 'server'],
    [503, 'server'],
    [529, 'overloaded'],
  ] as const)('%i → %s', (status, kind) => {
    expect(kindForStatus(status)).toBe(kind);
  });
});

describe('classifyUpstreamError', () => {
  it('treats insufficient_quota as a non-retryable rate limit', () => {
    expect(classifyUpstreamError(429, { type: 'insufficient_quota', code: 'insufficient_quota' })).toEqual({
      kind: 'rate_limited',
      retryable: false,
    });
  });

  it('treats an OpenAI restricted key (401 "Missing scopes") as forbidden, not invalid', () => {
    const body = { message: 'You have insufficient permissions for this operation. Missing scopes: model.request.' };
    expect(classifyUpstreamError(401, body).kind).toBe('forbidden');
    expect(classifyUpstreamError(401, { code: 'invalid_api_key' }).kind).toBe('auth');
  });

  it('maps Mistral invalid_model (400) to not_found and OpenAI 503 overload to overloaded', () => {
    expect(classifyUpstreamError(400, { type: 'invalid_model', code: '1500' }).kind).toBe('not_found');
    expect(classifyUpstreamError(503, { type: 'service_unavailable_error', code: 'server_is_overloaded' }).kind).toBe(
      'overloaded',
    );
  });

  it('classifies status-less stream errors by their type', () => {
    expect(classifyUpstreamError(undefined, { type: 'overloaded_error' }).kind).toBe('overloaded');
    expect(classifyUpstreamError(undefined, { type: 'rate_limit_error' }).kind).toBe('rate_limited');
    expect(classifyUpstreamError(undefined, { type: 'authentication_error' }).kind).toBe('auth');
    expect(classifyUpstreamError(undefined, { type: 'server_error' }).kind).toBe('server');
    expect(classifyUpstreamError(undefined, { message: 'an error was encountered while running the model' }).kind).toBe(
      'server',
    );
  });
});
