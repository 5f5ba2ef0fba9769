import { createParser, type EventSourceMessage } from 'eventsource-parser';

/**
 * Decodes a response body to text chunks. Stopping early (a `return` from the consumer, e.g. after
 * a terminator or on an error part) drains a body that is about to end, or else cancels it, which
 * closes the upstream connection instead of leaving it half-read. Read failures (reset, abort)
 * propagate to the caller.
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
    if (!finished) await drainOrCancel(reader);
  }
}

/** How long, and how much, a body is read past its terminator before it is cancelled instead. */
const DRAIN_MS = 50;
const DRAIN_BYTES = 64 * 1024;

/**
 * After a terminator (`[DONE]`, `message_stop`, `done:true`) the body normally holds nothing but
 * its end. Reading that end lets the connection go back to the keep-alive pool; cancelling would
 * close the socket and cost the next call a new connection. A body that keeps sending, or an
 * aborted one, is cancelled as before.
 */
async function drainOrCancel(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  const deadline = Date.now() + DRAIN_MS;
  let bytes = 0;
  try {
    while (bytes < DRAIN_BYTES) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      let timer: NodeJS.Timeout | undefined;
      const next = await Promise.race([
        reader.read(),
        new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), remaining))),
      ]);
      clearTimeout(timer);
      if (!next) break;
      if (next.done) return;
      bytes += next.value.byteLength;
    }
  } catch {
    return;
  }
  await reader.cancel().catch(() => undefined);
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
