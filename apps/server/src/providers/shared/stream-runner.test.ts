import { describe, expect, it } from 'vitest';
import { ProviderError, type StreamPart } from '../spec';
import { runStream, type StreamTranslator } from './stream-runner';

/** Plain strings: "t:x" is a text delta, "c:x" a tool-call piece, "end" the terminator, "err" an error. */
const translator: StreamTranslator<string> = {
  accept(event) {
    if (event === 'end') return { parts: [{ type: 'finish', finishReason: 'stop' }], done: true };
    if (event.startsWith('c:')) {
      return {
        parts: [{ type: 'tool-call-delta', index: 0, id: 'c', name: 'f', argumentsDelta: event.slice(2) }],
        done: false,
      };
    }
    if (event === 'err') {
      const error = new ProviderError({ kind: 'overloaded', provider: 'anthropic', message: 'x' });
      return { parts: [{ type: 'error', error }], done: false };
    }
    return { parts: [{ type: 'text-delta', text: event.slice(2) }], done: false };
  },
};

function run(
  events: string[],
  options: { signal?: AbortSignal; open?: () => Promise<Response>; failAt?: number } = {},
) {
  return runStream({
    provider: 'anthropic',
    signal: options.signal ?? new AbortController().signal,
    open: options.open ?? (() => Promise.resolve(new Response('body'))),
    decode: async function* () {
      for (const [index, event] of events.entries()) {
        await Promise.resolve();
        if (index === options.failAt) throw new TypeError('terminated');
        yield event;
      }
    },
    translator,
    terminator: 'end',
  });
}

async function collect(iterable: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  for await (const part of iterable) parts.push(part);
  return parts;
}

describe('runStream', () => {
  it('passes parts through and stops at the terminator', async () => {
    const parts = await collect(run(['t:a', 'end', 't:ignored']));
    expect(parts).toEqual([
      { type: 'text-delta', text: 'a' },
      { type: 'finish', finishReason: 'stop' },
    ]);
  });

  it('turns a failed open into one error part', async () => {
    const failure = new ProviderError({ kind: 'auth', provider: 'anthropic', message: 'no', status: 401 });
    const parts = await collect(run([], { open: async () => Promise.reject(failure) }));
    expect(parts).toEqual([{ type: 'error', error: failure }]);
  });

  it('reports a body without terminator as a network error, not retryable after output', async () => {
    const parts = await collect(run(['t:a']));
    const last = parts.at(-1);
    expect(last?.type === 'error' && last.error.kind).toBe('network');
    expect(last?.type === 'error' && last.error.retryable).toBe(false);
  });

  it('counts a tool-call piece as output, so a cut after it is not retryable', async () => {
    const parts = await collect(run(['c:{', 'c:}'], { failAt: 1 }));
    expect(parts.at(-1)?.type === 'error' && parts.at(-1)).toMatchObject({
      error: { kind: 'network', retryable: false },
    });
  });

  it('keeps a network error before any output retryable', async () => {
    const parts = await collect(run(['t:a'], { failAt: 0 }));
    expect(parts).toHaveLength(1);
    expect(parts[0]?.type === 'error' && parts[0].error).toMatchObject({ kind: 'network', retryable: true });
  });

  it('ends after an error part even if more events follow', async () => {
    const parts = await collect(run(['err', 't:b', 'end']));
    expect(parts).toHaveLength(1);
    expect(parts[0]?.type === 'error' && parts[0].error.kind).toBe('overloaded');
  });

  it('throws the abort reason instead of yielding an error part', async () => {
    const controller = new AbortController();
    const reason = new Error('stopped by user');
    const stream = run(['t:a', 't:b', 'end'], { signal: controller.signal, failAt: 1 });
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ type: 'text-delta', text: 'a' });
    controller.abort(reason);
    await expect(iterator.next()).rejects.toBe(reason);
  });
});
