import { createParser, type EventSourceMessage } from 'eventsource-parser';

/**
 * Decodes a response body to text chunks. Stopping early (a `return` from the consumer, e.g. after
 * a terminator or on an error part) cancels the body, which closes the upstream connection instead
 * of leaving it half-read. Read failures (reset, abort) propagate to the caller.
 */
export async function* readTextChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        const rest = decoder.decode();
        if (rest) yield rest;
        return;
      }
      const text = decoder.decode(value, { stream: true });
      if (text) yield text;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

/** Server-sent events from a body, via eventsource-parser (handles split lines, comments, CRLF). */
export async function* readSseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<EventSourceMessage> {
  const queue: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => queue.push(event) });
  for await (const chunk of readTextChunks(body)) {
    parser.feed(chunk);
    for (let event = queue.shift(); event !== undefined; event = queue.shift()) yield event;
  }
}

/** Non-empty lines of an NDJSON body (Ollama); a last line without a newline still counts. */
export async function* readNdjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let buffer = '';
  for await (const chunk of readTextChunks(body)) {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim()) yield line.trim();
    }
  }
  if (buffer.trim()) yield buffer.trim();
}
