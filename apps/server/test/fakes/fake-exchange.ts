import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { FakeState } from './fake-state';
import type { FakeErrorResponse, FakeProvider, FakeRegion, FakeReply, RecordedRequest } from './fake-types';

/**
 * One request to the fake, with the writing primitives every provider handler needs. Writes
 * resolve once handed to the socket, so a `reset` after them really cuts a stream mid-way, and
 * pauses end early when the client goes away.
 */
export class FakeExchange {
  private destroyedByServer = false;
  private closed = false;

  constructor(
    readonly provider: FakeProvider,
    readonly region: FakeRegion | undefined,
    readonly method: string,
    readonly path: string,
    readonly query: URLSearchParams,
    readonly headers: IncomingHttpHeaders,
    readonly body: unknown,
    readonly record: RecordedRequest,
    readonly state: FakeState,
    private readonly response: ServerResponse,
  ) {
    response.on('close', () => {
      this.closed = true;
      if (!response.writableFinished && !this.destroyedByServer) {
        record.closedByClient = true;
        state.noteClientAbort(record);
      }
    });
  }

  get reply(): FakeReply {
    return this.state.replyFor(this.provider);
  }

  isClosed(): boolean {
    return this.closed || this.response.destroyed;
  }

  json(status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    const contentType = body === undefined ? {} : { 'content-type': 'application/json' };
    this.response.writeHead(status, { ...contentType, ...headers });
    this.response.end(text);
  }

  text(status: number, text: string): void {
    this.response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    this.response.end(text);
  }

  error(answer: FakeErrorResponse): void {
    this.json(answer.status, answer.body, answer.headers);
  }

  /** Sends status and headers now, so the client sees the response start before any token. */
  startStream(contentType: string): void {
    this.response.writeHead(200, {
      'content-type': contentType,
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    this.response.flushHeaders();
  }

  write(chunk: string): Promise<void> {
    if (this.isClosed()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.response.off('close', done);
        resolve();
      };
      this.response.once('close', done);
      this.response.write(chunk, done);
    });
  }

  end(): void {
    if (!this.isClosed()) this.response.end();
  }

  /** Writes the protocol's last bytes and ends in one go, so a client stopping at its terminator never looks like an abort. */
  endWith(chunk: string): void {
    if (!this.isClosed()) this.response.end(chunk);
  }

  /** Cuts the connection without finishing the response, as a proxy reset would. */
  reset(): void {
    this.destroyedByServer = true;
    this.response.socket?.destroy();
  }

  pause(milliseconds: number): Promise<void> {
    if (milliseconds <= 0 || this.isClosed()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.response.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, milliseconds);
      this.response.once('close', done);
    });
  }
}
