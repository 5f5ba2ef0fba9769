import { describe, expect, it } from 'vitest';
import { ApiError, describeError, isApiError, parseApiError } from './api-error';

describe('parseApiError', () => {
  it('reads code, message and context from the contract shape', () => {
    const error = parseApiError(409, { error: { code: 'key_required', message: 'connect a key', provider: 'openai' } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('key_required');
    expect(error.status).toBe(409);
    expect(error.message).toBe('connect a key');
    expect(error.contextString('provider')).toBe('openai');
    expect(error.context).not.toHaveProperty('code');
  });

  it('maps unknown codes to unknown but keeps the message', () => {
    const error = parseApiError(418, { error: { code: 'teapot', message: 'short and stout' } });
    expect(error.code).toBe('unknown');
    expect(error.message).toBe('short and stout');
  });

  it('survives non-contract bodies with a code from the status', () => {
    expect(parseApiError(401, undefined).code).toBe('unauthorized');
    expect(parseApiError(404, '<html>').code).toBe('not_found');
    expect(parseApiError(429, { message: 'x' }).code).toBe('rate_limited');
    expect(parseApiError(500, null).code).toBe('internal');
    expect(parseApiError(502, undefined).code).toBe('unknown');
    expect(parseApiError(502, undefined).message).toBe('the server ran into a problem');
  });

  it('uses a fallback when the message is missing or blank', () => {
    expect(parseApiError(422, { error: { code: 'key_invalid', message: '  ' } }).message).toBe(
      'the request failed (HTTP 422)',
    );
    expect(parseApiError(422, { error: { code: 'key_invalid' } }).code).toBe('key_invalid');
  });

  it('ignores arrays where objects are expected', () => {
    expect(parseApiError(400, { error: ['bad'] }).code).toBe('bad_request');
  });
});

describe('helpers', () => {
  it('isApiError narrows by code', () => {
    const error = parseApiError(403, { error: { code: 'provider_not_approved', message: 'no' } });
    expect(isApiError(error)).toBe(true);
    expect(isApiError(error, 'provider_not_approved')).toBe(true);
    expect(isApiError(error, 'forbidden')).toBe(false);
    expect(isApiError(new Error('x'))).toBe(false);
  });

  it('describeError handles anything thrown', () => {
    expect(describeError(new Error('plain'))).toBe('plain');
    expect(describeError('string')).toBe('something went wrong');
  });
});
