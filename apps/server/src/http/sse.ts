import type { ServerResponse } from 'node:http';
import type { ChatSink } from '../services/chat.service';

/**
 * Server-sent events over a hijacked response. Each event is written as soon as it exists (no
 * buffering, Nagle off), so deltas reach the client as the provider sends them.
 */
export function openSse(raw: ServerResponse, requestId: string): ChatSink {
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': requestId,
  });
  raw.socket?.setNoDelay(true);
  raw.flushHeaders();
  const write = (chunk: string) => {
    if (!raw.writableEnded && !raw.destroyed) raw.write(chunk);
  };
  return {
    send: (event) => write(`event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`),
    keepAlive: () => write(': keep-alive\n\n'),
  };
}
