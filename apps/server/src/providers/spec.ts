import type { DashscopeRegion, ModelInfo, ProviderId } from '@chatstudio/contract';

/**
 * The provider adapter interface. One adapter per provider, each constructed with its base URL(s)
 * and a `fetch` so tests can point it at a fake upstream. Adapters never log, never persist and
 * never see anything but the one credential they are handed for one call.
 */

/** What an adapter needs to authenticate one call. `apiKey` is absent for keyless providers (Ollama). */
export interface ProviderCredential {
  apiKey?: string;
  region?: DashscopeRegion;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** Assistant turns only: the tool calls the model made in that turn. */
  toolCalls?: ToolCall[];
  /** Tool turns only: which call this result answers. */
  toolCallId?: string;
}

/** A function call the model asked for; `arguments` is the JSON text the model produced. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** A function the model may call (OpenAI's function-tool shape, provider-neutral). */
export interface ToolDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the arguments. */
  parameters?: Record<string, unknown>;
}

export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  maxOutputTokens?: number;
  reasoningEffort?: 'low' | 'medium' | 'high';
  stop?: string[];
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
}

export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls' | 'error' | 'other';

/**
 * Why an upstream call failed, in terms the rest of the server acts on:
 * - `auth`: the provider rejected the key (401, or DashScope's wrong-region 401);
 * - `forbidden`: the key is valid but not allowed this (403);
 * - `not_found`: unknown model or endpoint (404);
 * - `bad_request`: the provider refused the request body (400/422);
 * - `rate_limited`: 429;
 * - `overloaded`: Anthropic 529 and similar;
 * - `server`: 5xx;
 * - `network`: connection refused/reset, DNS, TLS, or a stream cut without its terminator;
 * - `protocol`: the provider answered with something we could not parse.
 */
export type ProviderErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'bad_request'
  | 'rate_limited'
  | 'overloaded'
  | 'server'
  | 'network'
  | 'protocol';

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly provider: ProviderId;
  readonly status: number | undefined;
  /** Whether retrying the same call may succeed (429, 5xx, 529, network before any byte). */
  readonly retryable: boolean;
  /** Delay the provider asked for (`retry-after-ms`, `retry-after` seconds or HTTP date). */
  readonly retryAfterMs: number | undefined;
  /** The provider's own error message, safe for logs only after redaction; never sent to clients. */
  readonly upstreamMessage: string | undefined;

  constructor(init: {
    kind: ProviderErrorKind;
    provider: ProviderId;
    message: string;
    status?: number;
    retryable?: boolean;
    retryAfterMs?: number;
    upstreamMessage?: string;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.name = 'ProviderError';
    this.kind = init.kind;
    this.provider = init.provider;
    this.status = init.status;
    this.retryable = init.retryable ?? ['rate_limited', 'overloaded', 'server', 'network'].includes(init.kind);
    this.retryAfterMs = init.retryAfterMs;
    this.upstreamMessage = init.upstreamMessage;
  }
}

/**
 * One part of a streamed reply. An adapter's stream yields deltas, then at most one `usage` and one
 * `finish`, or an `error` part after which it ends. Every failure — an HTTP error status before the
 * first byte, an error event inside the stream, a connection cut before the terminator — arrives as
 * an `error` part; the stream never throws, except that aborting the signal ends it with the
 * signal's abort reason thrown.
 */
export type StreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  /**
   * A piece of a tool call. The first piece of call `index` carries its `id` and `name`; later
   * pieces append to its arguments (JSON text, streamed).
   */
  | { type: 'tool-call-delta'; index: number; id?: string; name?: string; argumentsDelta: string }
  | { type: 'usage'; inputTokens: number; outputTokens: number }
  | { type: 'finish'; finishReason: FinishReason }
  | { type: 'error'; error: ProviderError };

export interface ProviderAdapter {
  readonly id: ProviderId;
  readonly name: string;
  /** False for managed, keyless providers (Ollama). */
  readonly requiresKey: boolean;
  /**
   * Checks a credential with the provider using its cheapest authenticated call (providers.md §x.5).
   * Resolves with the chat models it saw, so connecting a key costs one upstream call.
   * Rejects with a ProviderError (`auth` for a rejected key).
   */
  validateKey(credential: ProviderCredential, signal?: AbortSignal): Promise<ModelInfo[]>;
  /** The provider's chat models, non-chat models filtered out, with capability metadata where given. */
  listModels(credential: ProviderCredential, signal?: AbortSignal): Promise<ModelInfo[]>;
  /** Streams one chat completion. Aborting `signal` closes the upstream connection. */
  streamChat(request: ChatRequest, credential: ProviderCredential, signal: AbortSignal): AsyncIterable<StreamPart>;
}

/** What the composition root hands each adapter: where it lives and how to reach it. */
export interface AdapterTransport {
  fetch: typeof globalThis.fetch;
}
