import type { FakeExchange } from './fake-exchange';
import type { FakeFailure, FakeReply, StreamFailure } from './fake-types';

export type FakeDelta =
  | { kind: 'reasoning'; text: string }
  | { kind: 'text'; text: string }
  /** A piece of the reply's tool-call arguments; `first` opens the call (id and name). */
  | { kind: 'tool'; text: string; first: boolean };

/** `text` in `count` nearly equal pieces (one empty piece for empty text). */
function splitInto(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / count));
  return text
    ? Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size))
    : [''];
}

/**
 * Splits the reply into the deltas a provider would stream: reasoning first when wanted, then the
 * text, then — with `toolPieces` > 0 and a reply tool call — its arguments in that many pieces.
 */
export function planDeltas(reply: FakeReply, withReasoning: boolean, toolPieces = 0): FakeDelta[] {
  const size = Math.max(1, reply.chunkSize ?? 8);
  const split = (text: string): string[] =>
    Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
  const reasoning =
    withReasoning && reply.reasoning
      ? split(reply.reasoning).map((text): FakeDelta => ({ kind: 'reasoning', text }))
      : [];
  const tool =
    reply.toolCall && toolPieces > 0
      ? splitInto(reply.toolCall.arguments, toolPieces).map((text, i): FakeDelta => ({
          kind: 'tool',
          text,
          first: i === 0,
        }))
      : [];
  return [...reasoning, ...split(reply.text).map((text): FakeDelta => ({ kind: 'text', text })), ...tool];
}

/** Token counts to report: the reply's, or a deterministic estimate. */
export function usageFor(
  reply: FakeReply,
  body: unknown,
  deltas: FakeDelta[],
): { inputTokens: number; outputTokens: number } {
  return (
    reply.usage ?? {
      inputTokens: Math.max(1, Math.ceil(JSON.stringify(body ?? '').length / 4)),
      outputTokens: deltas.length,
    }
  );
}

function isStreamFailure(failure: FakeFailure | undefined): failure is StreamFailure {
  return failure?.kind === 'mid-stream-error' || failure?.kind === 'reset' || failure?.kind === 'no-terminator';
}

/**
 * Writes the deltas with the reply's pacing, applying a queued stream failure at its point:
 * `reset` destroys the socket, `mid-stream-error` writes the provider's error and ends,
 * `no-terminator` just ends. Returns true when the caller should write its normal ending.
 */
export async function streamDeltas(
  exchange: FakeExchange,
  deltas: FakeDelta[],
  failure: FakeFailure | undefined,
  writers: { delta(delta: FakeDelta): Promise<void>; midStreamError(): Promise<void> },
): Promise<boolean> {
  const reply = exchange.reply;
  await exchange.pause(failure?.kind === 'slow-first-token' ? failure.delayMs : (reply.firstTokenDelayMs ?? 0));
  const cutAt = isStreamFailure(failure) ? Math.min(failure.afterDeltas ?? 1, deltas.length) : -1;
  for (let index = 0; index <= deltas.length; index += 1) {
    if (exchange.isClosed()) return false;
    if (isStreamFailure(failure) && index === cutAt) {
      if (failure.kind === 'reset') exchange.reset();
      if (failure.kind === 'mid-stream-error') await writers.midStreamError();
      exchange.end();
      return false;
    }
    const delta = deltas[index];
    if (delta === undefined) break;
    if (index > 0) await exchange.pause(reply.chunkDelayMs ?? 0);
    await writers.delta(delta);
  }
  return !exchange.isClosed();
}

/** Formats one SSE event; `event` adds the named-event line Anthropic requires. */
export function sse(data: unknown, event?: string): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  return `${event ? `event: ${event}\n` : ''}data: ${payload}\n\n`;
}

/** The Bearer token of a request, if any. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  return match?.[1]?.trim();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field of a parsed JSON request body, or undefined. */
export function bodyField(body: unknown, key: string): unknown {
  return isObject(body) ? body[key] : undefined;
}

/** The request's `model` as a string ('' when absent). */
export function requestedModel(body: unknown): string {
  const model = bodyField(body, 'model');
  return typeof model === 'string' ? model : '';
}

/** A short random id suffix, like the request ids providers put in error bodies. */
export function requestId(): string {
  return Math.random().toString(16).slice(2, 10) + Math.random().toString(16).slice(2, 10);
}
