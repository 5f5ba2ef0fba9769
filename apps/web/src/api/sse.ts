import { keyScopes } from '@chatstudio/contract';
import type { StreamEvent } from './types';
import { resolvedByRules, taskKinds } from './types';

/** One dispatched server-sent event before interpretation: its `event:` name and joined `data:` lines. */
export interface RawSseEvent {
  event: string;
  data: string;
}

/**
 * Incremental `text/event-stream` parser (WHATWG HTML §9.2.6): feed decoded text in chunks of any size,
 * get complete events back. Handles CRLF/CR/LF line ends (also split across chunks), multi-line `data:`,
 * and `:` comment lines (keep-alives), which are skipped. `id:` and `retry:` are ignored: this stream is
 * never resumed.
 */
export class SseParser {
  private buffer = '';
  private eventName = '';
  private dataLines: string[] = [];

  /** Adds a chunk and returns every event it completed. */
  push(chunk: string): RawSseEvent[] {
    this.buffer += chunk;
    return this.drain(false);
  }

  /** Ends the stream: a last event not followed by a blank line is still delivered (lenient). */
  flush(): RawSseEvent[] {
    const events = this.drain(true);
    if (this.buffer !== '') {
      const rest = this.buffer;
      this.buffer = '';
      this.processLine(rest, events);
    }
    this.dispatch(events);
    return events;
  }

  private drain(final: boolean): RawSseEvent[] {
    const events: RawSseEvent[] = [];
    let start = 0;
    for (;;) {
      const end = findLineEnd(this.buffer, start);
      if (end === -1) break;
      const isCr = this.buffer[end] === '\r';
      // A CR at the very end may be the first half of a CRLF that the next chunk completes.
      if (isCr && end === this.buffer.length - 1 && !final) break;
      const line = this.buffer.slice(start, end);
      start = end + (isCr && this.buffer[end + 1] === '\n' ? 2 : 1);
      this.processLine(line, events);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private processLine(line: string, events: RawSseEvent[]): void {
    if (line === '') {
      this.dispatch(events);
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventName = value;
    else if (field === 'data') this.dataLines.push(value);
  }

  private dispatch(events: RawSseEvent[]): void {
    if (this.dataLines.length > 0) {
      events.push({ event: this.eventName || 'message', data: this.dataLines.join('\n') });
    }
    this.eventName = '';
    this.dataLines = [];
  }
}

function findLineEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n' || char === '\r') return index;
  }
  return -1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const str = (value: unknown): value is string => typeof value === 'string';
function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.find((item) => item === value) ?? fallback;
}

const num = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Interprets a raw event as one of the message stream's events (spec §6). Unknown event names and
 * malformed payloads give `null`, so a newer server adding events never breaks an older page.
 */
export function toStreamEvent(raw: RawSseEvent): StreamEvent | null {
  let data: unknown;
  try {
    data = JSON.parse(raw.data);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  switch (raw.event) {
    case 'start': {
      const { messageId, provider, model, task, keyScope, resolvedBy } = data;
      if (!str(messageId) || !str(provider) || !str(model)) return null;
      return {
        type: 'start',
        data: {
          messageId,
          provider,
          model,
          task: oneOf(taskKinds, task, 'chat'),
          keyScope: oneOf(keyScopes, keyScope, 'user'),
          resolvedBy: oneOf(resolvedByRules, resolvedBy, 'request'),
        },
      };
    }
    case 'delta':
    case 'reasoning':
      return str(data.text) ? { type: raw.event, data: { text: data.text } } : null;
    case 'usage':
      return num(data.inputTokens) && num(data.outputTokens)
        ? { type: 'usage', data: { inputTokens: data.inputTokens, outputTokens: data.outputTokens } }
        : null;
    case 'done':
      return {
        type: 'done',
        data: {
          messageId: str(data.messageId) ? data.messageId : '',
          finishReason: str(data.finishReason) ? data.finishReason : 'stop',
        },
      };
    case 'error':
      return {
        type: 'error',
        data: {
          code: str(data.code) ? data.code : 'upstream_error',
          message: str(data.message) ? data.message : 'the reply failed',
        },
      };
    default:
      return null;
  }
}

/**
 * Reads a fetch body as a message stream. Ends when the body ends or `signal` aborts (the reader is
 * cancelled so the connection closes). Decoding is UTF-8 with multi-byte characters split across chunks.
 */
export async function* readEventStream(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<StreamEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  const onAbort = (): void => {
    reader.cancel().catch(() => undefined);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const raws = done
        ? parser.push(decoder.decode()).concat(parser.flush())
        : parser.push(decoder.decode(value, { stream: true }));
      for (const raw of raws) {
        const event = toStreamEvent(raw);
        if (event) yield event;
      }
      if (done) return;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
}
