import { describe, expect, it } from 'vitest';
import {
  chatRequest,
  collect,
  errorOf,
  providerCases,
  rejection,
  textOf,
  useFakeProviders,
  type ProviderCase,
} from './fakes/fake-test-kit';
import type { FakeFailure } from './fakes/fake-types';

/**
 * Every adapter, for real over HTTP, against the fake upstreams: the same matrix of outcomes for
 * each provider. Provider-specific quirks are in providers.quirks.test.ts.
 */
const h = useFakeProviders();

describe.each(providerCases)('$id adapter against the fake upstream', (c: ProviderCase) => {
  const adapter = () => h.registry.get(c.id);
  const stream = (failure?: FakeFailure, extra = {}) => {
    if (failure) h.fake.failNext(c.id, 'chat', failure);
    return collect(adapter().streamChat(chatRequest(c.model, extra), c.credential, new AbortController().signal));
  };

  it('validates a working credential and returns its chat models', async () => {
    const models = await adapter().validateKey(c.credential);
    expect(models.map((model) => model.id)).toContain(c.model);
  });

  it('reports a 5xx on the model list as a retryable server error', async () => {
    h.fake.failNext(c.id, 'models', { kind: 'server-error' });
    const error = await rejection(adapter().listModels(c.credential));
    expect(error).toMatchObject({ kind: 'server', status: 500, retryable: true });
  });

  it('streams text deltas, then one usage, then one finish', async () => {
    h.fake.setReply(c.id, {
      text: 'Hello there, streaming world!',
      chunkSize: 5,
      usage: { inputTokens: 7, outputTokens: 3 },
    });
    const parts = await stream();
    expect(textOf(parts)).toBe('Hello there, streaming world!');
    expect(parts.filter((part) => part.type === 'text-delta').length).toBeGreaterThan(3);
    expect(parts.slice(-2)).toEqual([
      { type: 'usage', inputTokens: 7, outputTokens: 3 },
      { type: 'finish', finishReason: 'stop' },
    ]);
    expect(
      parts.filter((part) => part.type === 'usage' || part.type === 'finish' || part.type === 'error'),
    ).toHaveLength(2);
    expect(h.fake.clientAborts).toEqual([]);
  });

  it('maps a length stop', async () => {
    h.fake.setReply(c.id, { text: 'cut', finish: 'length' });
    expect((await stream()).at(-1)).toEqual({ type: 'finish', finishReason: 'length' });
  });

  it.each([
    [
      '429 with retry-after',
      { kind: 'rate-limit', retryAfter: '3' },
      { kind: 'rate_limited', status: 429, retryable: true, retryAfterMs: 3000 },
    ],
    [
      '429 with retry-after-ms',
      { kind: 'rate-limit', retryAfterMs: 250, retryAfter: '9' },
      { kind: 'rate_limited', retryAfterMs: 250 },
    ],
    ['500', { kind: 'server-error' }, { kind: 'server', status: 500, retryable: true }],
    ['403', { kind: 'forbidden' }, { kind: 'forbidden', status: 403, retryable: false }],
    ['401', { kind: 'bad-key' }, { kind: 'auth', status: 401, retryable: false }],
    ['unknown model', { kind: 'unknown-model' }, { kind: 'not_found', retryable: false }],
  ] as const)('maps an HTTP %s to one error part', async (_name, failure, expected) => {
    const parts = await stream(failure);
    expect(parts).toHaveLength(1);
    expect(errorOf(parts)).toMatchObject(expected);
  });

  it('maps the overloaded answer', async () => {
    const error = errorOf(await stream({ kind: 'overloaded' }));
    expect(error).toMatchObject({ kind: c.overloadedKind, retryable: true });
    expect(error?.status).toBe(c.id === 'anthropic' ? 529 : 503);
  });

  it("maps the provider's real unknown-model answer to not_found", async () => {
    const parts = await collect(
      adapter().streamChat(chatRequest('no-such-model'), c.credential, new AbortController().signal),
    );
    expect(errorOf(parts)).toMatchObject({ kind: 'not_found', status: c.unknownModelStatus, retryable: false });
  });

  it("turns the provider's mid-stream error into an error part after the deltas", async () => {
    h.fake.setReply(c.id, { text: 'abcdefghij', chunkSize: 2 });
    const parts = await stream({ kind: 'mid-stream-error', afterDeltas: 2 });
    expect(textOf(parts)).toBe('abcd');
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
    expect(errorOf(parts)).toMatchObject({ kind: c.midStreamKind, status: undefined, retryable: false });
  });

  it.each(['reset', 'no-terminator'] as const)('reports a %s mid-stream as a network error', async (kind) => {
    h.fake.setReply(c.id, { text: 'abcdefghij', chunkSize: 2 });
    const parts = await stream({ kind, afterDeltas: 3 });
    expect(textOf(parts)).toBe('abcdef');
    expect(errorOf(parts)).toMatchObject({ kind: 'network', retryable: false });
  });

  it('waits out a slow first token', async () => {
    h.fake.setReply(c.id, { text: 'late but fine' });
    expect(textOf(await stream({ kind: 'slow-first-token', delayMs: 150 }))).toBe('late but fine');
  });

  it.each([
    ['mid-stream', { text: 'x'.repeat(400), chunkSize: 4, chunkDelayMs: 15 }, true],
    ['while waiting for the first token', { text: 'never seen', firstTokenDelayMs: 10_000 }, false],
  ] as const)('aborting %s throws the reason and closes the upstream connection', async (_name, reply, readFirst) => {
    h.fake.setReply(c.id, reply);
    const controller = new AbortController();
    const reason = new Error('user pressed stop');
    const stream = adapter().streamChat(chatRequest(c.model), c.credential, controller.signal);
    const iterator = stream[Symbol.asyncIterator]();
    if (readFirst) {
      expect((await iterator.next()).value).toMatchObject({ type: 'text-delta' });
      controller.abort(reason);
    } else {
      setTimeout(() => controller.abort(reason), 50);
    }
    await expect(iterator.next()).rejects.toBe(reason);
    const record = await h.fake.waitForClientAbort(c.id);
    expect(record.closedByClient).toBe(true);
  });

  if (c.credential.apiKey) {
    it('rejects an unknown key as auth, without the key in the message', async () => {
      const badKey = `${c.credential.apiKey}-revoked`;
      const error = await rejection(adapter().validateKey({ ...c.credential, apiKey: badKey }));
      expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false });
      expect(`${error.message} ${error.upstreamMessage ?? ''}`).not.toContain(badKey);
    });
  }
});
