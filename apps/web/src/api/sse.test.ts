import { describe, expect, it } from 'vitest';
import { readEventStream, SseParser, toStreamEvent } from './sse';

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const events = [];
  for await (const event of readEventStream(stream)) events.push(event);
  return events;
}

describe('SseParser', () => {
  it('parses named events with JSON data', () => {
    const parser = new SseParser();
    expect(parser.push('event: delta\ndata: {"text":"hi"}\n\n')).toEqual([{ event: 'delta', data: '{"text":"hi"}' }]);
  });

  it('skips keep-alive comments and blank keep-alives', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\n:\n\n')).toEqual([]);
    expect(parser.push('event: done\ndata: {}\n\n')).toEqual([{ event: 'done', data: '{}' }]);
  });

  it('reassembles events split at any byte boundary', () => {
    const input = 'event: delta\r\ndata: {"text":"a"}\r\n\r\nevent: delta\rdata: {"text":"b"}\r\r';
    for (let size = 1; size <= input.length; size += 1) {
      const parser = new SseParser();
      const events = [];
      for (let index = 0; index < input.length; index += size)
        events.push(...parser.push(input.slice(index, index + size)));
      events.push(...parser.flush());
      expect(events, `chunk size ${size}`).toEqual([
        { event: 'delta', data: '{"text":"a"}' },
        { event: 'delta', data: '{"text":"b"}' },
      ]);
    }
  });

  it('joins multi-line data with newlines and strips one leading space only', () => {
    const parser = new SseParser();
    expect(parser.push('data:  a\ndata:b\n\n')).toEqual([{ event: 'message', data: ' a\nb' }]);
  });

  it('resets the event name after each dispatch and ignores id/retry/unknown fields', () => {
    const parser = new SseParser();
    expect(parser.push('event: start\nid: 7\nretry: 10\nfoo: bar\ndata: 1\n\ndata: 2\n\n')).toEqual([
      { event: 'start', data: '1' },
      { event: 'message', data: '2' },
    ]);
  });

  it('does not dispatch an event without data', () => {
    const parser = new SseParser();
    expect(parser.push('event: delta\n\n')).toEqual([]);
  });

  it('flushes a final event that lacks the closing blank line', () => {
    const parser = new SseParser();
    expect(parser.push('event: done\ndata: {"messageId":"m"}')).toEqual([]);
    expect(parser.flush()).toEqual([{ event: 'done', data: '{"messageId":"m"}' }]);
  });
});

describe('toStreamEvent', () => {
  it('validates the start event and falls back on unknown enum values', () => {
    const event = toStreamEvent({
      event: 'start',
      data: JSON.stringify({
        messageId: 'm1',
        provider: 'openai',
        model: 'gpt-4o',
        task: 'code',
        keyScope: 'weird',
        resolvedBy: 'user_calibration',
      }),
    });
    expect(event).toEqual({
      type: 'start',
      data: {
        messageId: 'm1',
        provider: 'openai',
        model: 'gpt-4o',
        task: 'code',
        keyScope: 'user',
        resolvedBy: 'user_calibration',
      },
    });
  });

  it('returns null for unknown events, bad JSON and malformed payloads', () => {
    expect(toStreamEvent({ event: 'ping', data: '{}' })).toBeNull();
    expect(toStreamEvent({ event: 'delta', data: 'not json' })).toBeNull();
    expect(toStreamEvent({ event: 'delta', data: '{"text":5}' })).toBeNull();
    expect(toStreamEvent({ event: 'usage', data: '{"inputTokens":"1","outputTokens":2}' })).toBeNull();
    expect(toStreamEvent({ event: 'start', data: '{"messageId":"m"}' })).toBeNull();
  });

  it('parses delta, reasoning, usage, done and error', () => {
    expect(toStreamEvent({ event: 'delta', data: '{"text":"x"}' })).toEqual({ type: 'delta', data: { text: 'x' } });
    expect(toStreamEvent({ event: 'reasoning', data: '{"text":"y"}' })).toEqual({
      type: 'reasoning',
      data: { text: 'y' },
    });
    expect(toStreamEvent({ event: 'usage', data: '{"inputTokens":3,"outputTokens":4}' })).toEqual({
      type: 'usage',
      data: { inputTokens: 3, outputTokens: 4 },
    });
    expect(toStreamEvent({ event: 'done', data: '{"messageId":"m","finishReason":"length"}' })).toEqual({
      type: 'done',
      data: { messageId: 'm', finishReason: 'length' },
    });
    expect(toStreamEvent({ event: 'error', data: '{"code":"upstream_error","message":"boom"}' })).toEqual({
      type: 'error',
      data: { code: 'upstream_error', message: 'boom' },
    });
  });
});

describe('readEventStream', () => {
  it('decodes UTF-8 split across chunks and yields typed events in order', async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"héllo 👋"}\n\n');
    const cut = bytes.indexOf(0xf0) + 2; // inside the 4-byte emoji
    const events = await collect(
      streamOf([
        ': keep-alive\n\n',
        'event: start\ndata: {"messageId":"m","provider":"openai","model":"gpt","task":"chat","keyScope":"org","resolvedBy":"request"}\n\n',
        bytes.slice(0, cut),
        bytes.slice(cut),
        'event: usage\ndata: {"inputTokens":1,"outputTokens":2}\n\nevent: done\ndata: {"messageId":"m","finishReason":"stop"}\n\n',
      ]),
    );
    expect(events.map((event) => event.type)).toEqual(['start', 'delta', 'usage', 'done']);
    expect(events[1]).toEqual({ type: 'delta', data: { text: 'héllo 👋' } });
  });

  it('stops reading when the signal aborts', async () => {
    const controller = new AbortController();
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(stream) {
        pulls += 1;
        stream.enqueue(new TextEncoder().encode('event: delta\ndata: {"text":"."}\n\n'));
      },
    });
    const seen = [];
    for await (const event of readEventStream(endless, controller.signal)) {
      seen.push(event);
      if (seen.length === 3) controller.abort();
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(pulls).toBeLessThan(10);
  });
});
