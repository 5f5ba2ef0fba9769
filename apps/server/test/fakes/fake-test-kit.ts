import type { ProviderId } from '@chatstudio/contract';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createProviderRegistry, type ProviderRegistry } from '../../src/providers/registry';
import { ProviderError, type ChatRequest, type ProviderCredential, type StreamPart } from '../../src/providers/spec';
import { startFakeUpstreams, type FakeUpstreams } from './fake-upstreams';

/** Drains a stream into an array (the stream never throws unless aborted). */
export async function collect(stream: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

export function textOf(parts: StreamPart[], type: 'text-delta' | 'reasoning-delta' = 'text-delta'): string {
  return parts.map((part) => (part.type === type ? part.text : '')).join('');
}

export function errorOf(parts: StreamPart[]): ProviderError | undefined {
  const last = parts.at(-1);
  return last?.type === 'error' ? last.error : undefined;
}

export function chatRequest(model: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return {
    model,
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Say hello.' },
    ],
    ...extra,
  };
}

/** One provider as the cross-provider tests see it. */
export interface ProviderCase {
  id: ProviderId;
  credential: ProviderCredential;
  model: string;
  /** How each provider reports an unknown model: Mistral 400 invalid_model, others 404. */
  unknownModelStatus: number;
  /** Kind of the fake's "overloaded" answer: Anthropic 529 and OpenAI 503 say overloaded. */
  overloadedKind: 'overloaded' | 'server';
  /** Kind of the provider's mid-stream error event. */
  midStreamKind: 'overloaded' | 'server';
}

export const providerCases: ProviderCase[] = [
  {
    id: 'openai',
    credential: { apiKey: 'sk-proj-openai-good-key-0001' },
    model: 'gpt-4o-mini',
    unknownModelStatus: 404,
    overloadedKind: 'overloaded',
    midStreamKind: 'server',
  },
  {
    id: 'anthropic',
    credential: { apiKey: 'sk-ant-api03-good-key-0002' },
    model: 'claude-sonnet-4-5-20250929',
    unknownModelStatus: 404,
    overloadedKind: 'overloaded',
    midStreamKind: 'overloaded',
  },
  {
    id: 'mistral',
    credential: { apiKey: 'mistral-good-key-0003' },
    model: 'mistral-small-latest',
    unknownModelStatus: 400,
    overloadedKind: 'server',
    midStreamKind: 'server',
  },
  {
    id: 'dashscope',
    credential: { apiKey: 'sk-dashscope-cn-key-0004', region: 'cn' },
    model: 'qwen-plus',
    unknownModelStatus: 404,
    overloadedKind: 'server',
    midStreamKind: 'server',
  },
  {
    id: 'ollama',
    credential: {},
    model: 'llama3.2:latest',
    unknownModelStatus: 404,
    overloadedKind: 'server',
    midStreamKind: 'server',
  },
];

/** A running fake plus a registry pointed at it, valid inside tests of the file that asked for it. */
export class FakeProviders {
  private running: { fake: FakeUpstreams; registry: ProviderRegistry } | undefined;

  get fake(): FakeUpstreams {
    return this.current().fake;
  }

  get registry(): ProviderRegistry {
    return this.current().registry;
  }

  async start(): Promise<void> {
    const fake = await startFakeUpstreams();
    this.running = { fake, registry: createProviderRegistry({ fetch: globalThis.fetch, baseUrls: fake.baseUrls }) };
  }

  async stop(): Promise<void> {
    await this.running?.fake.close();
    this.running = undefined;
  }

  /** Clears the fake and registers every case's key (DashScope's for its region). */
  resetWithKeys(): void {
    this.fake.reset();
    for (const { id, credential } of providerCases) {
      if (credential.apiKey) this.fake.addKey(id, credential.apiKey, credential.region);
    }
  }

  private current(): { fake: FakeUpstreams; registry: ProviderRegistry } {
    if (!this.running) throw new Error('the fake upstreams are only running inside tests');
    return this.running;
  }
}

/** Starts one fake per test file; before each test it is reset and the case keys registered. */
export function useFakeProviders(): FakeProviders {
  const providers = new FakeProviders();
  beforeAll(() => providers.start());
  afterAll(() => providers.stop());
  beforeEach(() => providers.resetWithKeys());
  return providers;
}

/** The ProviderError a promise rejects with (fails the test on anything else). */
export async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}
