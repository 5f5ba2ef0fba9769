import type { ProviderId } from '@chatstudio/contract';
import { ProviderError, type StreamPart } from '../spec';
import { networkError, protocolError } from './upstream-error';

/** What a protocol translator made of one upstream event. `done` once the terminator arrived. */
export interface TranslatorStep {
  parts: StreamPart[];
  done: boolean;
}

/** Turns one protocol's events into StreamParts. Never throws: failures are `error` parts. */
export interface StreamTranslator<E> {
  accept(event: E): TranslatorStep;
}

export interface StreamRun<E> {
  provider: ProviderId;
  signal: AbortSignal;
  /** Sends the request; rejects with a ProviderError for non-2xx answers (see callUpstream). */
  open(): Promise<Response>;
  decode(body: ReadableStream<Uint8Array>): AsyncIterable<E>;
  translator: StreamTranslator<E>;
  /** Names the protocol's end marker in the log detail of a cut stream. */
  terminator: string;
}

/**
 * Drives one streamed reply and enforces the StreamPart contract of spec.ts for every protocol:
 * HTTP failures, error events and connection cuts each become exactly one `error` part, a body
 * that ends without the protocol's terminator is a `network` error, and an aborted signal ends the
 * iteration by throwing its reason. Once any delta went out, errors are marked not retryable:
 * replaying the call would duplicate text the user has already seen (or a tool call begun).
 */
export async function* runStream<E>(run: StreamRun<E>): AsyncGenerator<StreamPart> {
  run.signal.throwIfAborted();
  let response: Response;
  try {
    response = await run.open();
  } catch (error) {
    if (run.signal.aborted) throw run.signal.reason;
    yield { type: 'error', error: asProviderError(run.provider, error) };
    return;
  }
  if (!response.body) {
    yield { type: 'error', error: protocolError(run.provider, 'streaming response without a body') };
    return;
  }
  let delivered = false;
  try {
    for await (const event of run.decode(response.body)) {
      const step = run.translator.accept(event);
      for (const part of step.parts) {
        if (part.type === 'error') {
          yield { type: 'error', error: afterOutput(part.error, delivered) };
          return;
        }
        delivered ||= part.type === 'text-delta' || part.type === 'reasoning-delta' || part.type === 'tool-call-delta';
        yield part;
      }
      if (step.done) return;
    }
  } catch (error) {
    if (run.signal.aborted) throw run.signal.reason;
    yield {
      type: 'error',
      error: afterOutput(networkError(run.provider, 'connection cut mid-stream', error), delivered),
    };
    return;
  }
  if (run.signal.aborted) throw run.signal.reason;
  const cut = networkError(run.provider, `stream ended without ${run.terminator}`);
  yield { type: 'error', error: afterOutput(cut, delivered) };
}

function asProviderError(provider: ProviderId, error: unknown): ProviderError {
  return error instanceof ProviderError ? error : networkError(provider, 'request failed', error);
}

function afterOutput(error: ProviderError, delivered: boolean): ProviderError {
  if (!delivered || !error.retryable) return error;
  return new ProviderError({
    kind: error.kind,
    provider: error.provider,
    message: error.message,
    status: error.status,
    retryable: false,
    retryAfterMs: error.retryAfterMs,
    upstreamMessage: error.upstreamMessage,
    cause: error.cause,
  });
}
