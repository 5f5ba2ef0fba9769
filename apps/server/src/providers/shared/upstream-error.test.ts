import { describe, expect, it } from 'vitest';
import { errorFromResponse, errorFromStreamPayload, redactSecrets } from './upstream-error';

const key = 'sk-proj-abcdefghijklmnop1234';

describe('errorFromResponse', () => {
  it('keeps the upstream text for logs but never in the message, and redacts the key', () => {
    const error = errorFromResponse({
      provider: 'openai',
      status: 401,
      headers: new Headers(),
      bodyText: `{"error":{"message":"Incorrect API key provided: ${key}.","type":"invalid_request_error","code":"invalid_api_key"}}`,
      secret: key,
    });
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('openai rejected the API key');
    expect(error.upstreamMessage).toContain('invalid_api_key');
    expect(error.upstreamMessage).not.toContain(key);
    expect(error.message).not.toContain('Incorrect');
  });

  it('carries retry-after into retryAfterMs for a 429', () => {
    const error = errorFromResponse({
      provider: 'anthropic',
      status: 429,
      headers: new Headers({ 'retry-after': '7' }),
      bodyText: '{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}',
    });
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 7000 });
  });

  it('lets x-should-retry override the default', () => {
    const error = errorFromResponse({
      provider: 'openai',
      status: 500,
      headers: new Headers({ 'x-should-retry': 'false' }),
      bodyText: '',
    });
    expect(error).toMatchObject({ kind: 'server', retryable: false, upstreamMessage: undefined });
  });
});

describe('errorFromStreamPayload', () => {
  it('classifies an Anthropic overloaded event as retryable overloaded', () => {
    const error = errorFromStreamPayload('anthropic', {
      type: 'error',
      error: { details: null, type: 'overloaded_error', message: 'Overloaded' },
    });
    expect(error).toMatchObject({ kind: 'overloaded', retryable: true, status: undefined });
  });
});

describe('redactSecrets', () => {
  it('removes the exact key and key-shaped fragments', () => {
    expect(redactSecrets(`bad ${key} and sk-VKMIs***…wjh3 here`, key)).toBe('bad [redacted] and sk-[redacted] here');
  });
});
