import { describe, expect, it } from 'vitest';
import { readNdjsonLines, readSseEvents } from './body-stream';

function bodyOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('readSseEvents', () => {
  it('reassembles events split across chunks and keeps event names', async () => {
    const events = await collect(
      readSseEvents(bodyOf(['event: ping\ndata: {"ty', 'pe":"ping"}\n\n: comment\n\ndata: [DONE]\r\n\r\n'])),
    );
    expect(events.map((event) => [event.event, event.data])).toEqual([
      ['ping', '{"type":"ping"}'],
      [undefined, '[DONE]'],
    ]);
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: héllo\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 8));
        controller.enqueue(bytes.slice(8));
        controller.close();
      },
    });
    const events = await collect(readSseEvents(body));
    expect(events[0]?.data).toBe('héllo');
  });

  it('cancels the body when the consumer stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: x\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of readSseEvents(body)) {
      expect(event.data).toBe('x');
      break;
    }
    expect(cancelled).toBe(true);
  });
});

describe('readNdjsonLines', () => {
  it('splits lines across chunks, skips blanks and keeps a final unterminated line', async () => {
    const lines = await collect(readNdjsonLines(bodyOf(['{"a":1}\n{"b"', ':2}\n\n', '{"c":3}'])));
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });
});
