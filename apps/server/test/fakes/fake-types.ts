import type { IncomingHttpHeaders } from 'node:http';

/** The five upstreams the fake speaks (same ids as the product's providers). */
export type FakeProvider = 'openai' | 'anthropic' | 'mistral' | 'dashscope' | 'ollama';
export type FakeRegion = 'intl' | 'cn' | 'us';
/** Which kind of request a queued failure applies to. */
export type FakeRoute = 'models' | 'chat';

/** What the next chat replies say, and how they are paced. */
export interface FakeReply {
  text: string;
  /** Streamed before the text where the protocol has reasoning (and the request asked for it). */
  reasoning?: string;
  /** Characters per delta (default 8). */
  chunkSize?: number;
  chunkDelayMs?: number;
  firstTokenDelayMs?: number;
  /** Token counts to report; by default prompt chars / 4 in and one token per delta out. */
  usage?: { inputTokens: number; outputTokens: number };
  /** Why the reply ended, written in each provider's own vocabulary. */
  finish?: 'stop' | 'length';
  /**
   * A tool call to make after the text, when the request offers tools (and does not say `none`):
   * streamed in a few argument pieces in the provider's format (Ollama: whole), then the
   * provider's tool stop reason. `arguments` is JSON text; use '' as `text` for a call-only reply.
   */
  toolCall?: { name: string; arguments: string };
}

/**
 * A failure consumed by the next matching request. The first group answers with the provider's
 * real error status and body; the second shapes a stream that has already started.
 */
export type FakeFailure =
  | { kind: 'bad-key' }
  | { kind: 'forbidden' }
  | { kind: 'unknown-model' }
  | { kind: 'rate-limit'; retryAfter?: string; retryAfterMs?: number; quota?: boolean }
  | { kind: 'server-error' }
  | { kind: 'overloaded' }
  | { kind: 'status'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'slow-first-token'; delayMs: number }
  | { kind: 'mid-stream-error'; afterDeltas?: number }
  | { kind: 'reset'; afterDeltas?: number }
  | { kind: 'no-terminator'; afterDeltas?: number };

export type StreamFailure = Extract<FakeFailure, { kind: 'mid-stream-error' | 'reset' | 'no-terminator' }>;

export interface RecordedRequest {
  provider: FakeProvider;
  region: FakeRegion | undefined;
  method: string;
  /** Path after the provider prefix, without the query (e.g. `/v1/models`). */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  time: number;
  /** True once the client closed the connection before the response was complete. */
  closedByClient: boolean;
}

/** A raw Anthropic or Mistral model card; fields are written as the provider sends them. */
export type FakeModelCard = { id: string } & Record<string, unknown>;

export interface FakeOllamaModel {
  name: string;
  family?: string;
  capabilities: string[];
  contextLength?: number;
}

/** Model lists per provider, in each provider's native terms. */
export interface FakeModelLists {
  openai: string[];
  dashscope: string[];
  anthropic: FakeModelCard[];
  mistral: FakeModelCard[];
  ollama: FakeOllamaModel[];
}

/** A provider's real error answer for one failure. */
export interface FakeErrorResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
