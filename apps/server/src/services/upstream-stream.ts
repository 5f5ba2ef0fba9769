import type { ChatRequest, FinishReason, ProviderAdapter, ProviderCredential } from '../providers/spec';
import { ProviderError } from '../providers/spec';

export interface StreamPolicy {
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  firstTokenTimeoutMs: number;
  idleTimeoutMs: number;
}

export interface StreamHandlers {
  onText(text: string): void;
  onReasoning(text: string): void;
  /** Tool-call pieces (gateway only; the chat UI sends no tools). Counts as a token for timing. */
  onToolCall?(part: { index: number; id?: string; name?: string; argumentsDelta: string }): void;
  /** Called before each retry, so callers can log it. */
  onRetry?(attempt: number, delayMs: number, error: ProviderError): void;
}

export type StreamEnd =
  | { kind: 'finished'; finishReason: FinishReason }
  | { kind: 'failed'; error: ProviderError | TimeoutFailure }
  | { kind: 'aborted' };

export interface StreamOutcome {
  end: StreamEnd;
  usage: { inputTokens: number; outputTokens: number } | undefined;
  /** ms from start to the first text or reasoning delta; undefined if none arrived. */
  timeToFirstTokenMs: number | undefined;
  attempts: number;
}

export class TimeoutFailure extends Error {
  constructor(readonly phase: 'first_token' | 'idle') {
    super(phase === 'first_token' ? 'the provider sent no token in time' : 'the provider stopped sending mid-reply');
    this.name = 'TimeoutFailure';
  }
}

/**
 * Runs one streamed completion with the house rules (spec §6, issue "chat" §3): a failure before
 * the first token is retried with backoff when the provider says it is retryable (honouring its
 * retry-after); after the first token nothing is retried. First-token and idle timeouts abort the
 * upstream request, as does the caller's signal (stop button, client disconnect).
 */
export async function runUpstreamStream(
  adapter: ProviderAdapter,
  request: ChatRequest,
  credential: ProviderCredential,
  signal: AbortSignal,
  policy: StreamPolicy,
  handlers: StreamHandlers,
  now: () => number = Date.now,
): Promise<StreamOutcome> {
  const startedAt = now();
  let timeToFirstTokenMs: number | undefined;
  let usage: StreamOutcome['usage'];
  const timeout = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = (phase: 'first_token' | 'idle', ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => timeout.abort(new TimeoutFailure(phase)), ms);
  };
  arm('first_token', policy.firstTokenTimeoutMs);
  const combined = AbortSignal.any([signal, timeout.signal]);
  const ended = (end: StreamEnd, attempts: number): StreamOutcome => ({ end, usage, timeToFirstTokenMs, attempts });

  try {
    for (let attempt = 1; ; attempt++) {
      let retryError: ProviderError | undefined;
      try {
        for await (const part of adapter.streamChat(request, credential, combined)) {
          switch (part.type) {
            case 'text-delta':
            case 'reasoning-delta':
              if (timeToFirstTokenMs === undefined) timeToFirstTokenMs = now() - startedAt;
              arm('idle', policy.idleTimeoutMs);
              if (part.type === 'text-delta') handlers.onText(part.text);
              else handlers.onReasoning(part.text);
              break;
            case 'tool-call-delta':
              if (timeToFirstTokenMs === undefined) timeToFirstTokenMs = now() - startedAt;
              arm('idle', policy.idleTimeoutMs);
              handlers.onToolCall?.(part);
              break;
            case 'usage':
              usage = { inputTokens: part.inputTokens, outputTokens: part.outputTokens };
              break;
            case 'finish':
              return ended({ kind: 'finished', finishReason: part.finishReason }, attempt);
            case 'error':
              if (timeToFirstTokenMs === undefined && part.error.retryable && attempt <= policy.maxRetries) {
                retryError = part.error;
              } else {
                return ended({ kind: 'failed', error: part.error }, attempt);
              }
              break;
          }
          if (retryError) break;
        }
      } catch (error) {
        if (timeout.signal.aborted && timeout.signal.reason instanceof TimeoutFailure) {
          return ended({ kind: 'failed', error: timeout.signal.reason }, attempt);
        }
        if (signal.aborted) return ended({ kind: 'aborted' }, attempt);
        throw error;
      }
      if (!retryError) {
        // The adapter ended without `finish` or `error`: treat as a cut connection.
        return ended(
          {
            kind: 'failed',
            error: new ProviderError({ kind: 'network', provider: adapter.id, message: 'stream ended early' }),
          },
          attempt,
        );
      }
      const delay = Math.min(retryError.retryAfterMs ?? policy.retryBaseMs * 2 ** (attempt - 1), policy.retryMaxMs);
      handlers.onRetry?.(attempt, delay, retryError);
      const slept = await sleep(delay, combined);
      if (!slept) {
        if (timeout.signal.reason instanceof TimeoutFailure)
          return ended({ kind: 'failed', error: timeout.signal.reason }, attempt);
        return ended({ kind: 'aborted' }, attempt);
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
