import { describe, expect, it } from 'vitest';
import { createProviderRegistry } from '../src/providers/registry';
import { anthropicCard } from './fakes/fake-models';
import {
  chatRequest,
  collect,
  errorOf,
  providerCases,
  rejection,
  textOf,
  useFakeProviders,
  type ProviderCase,
} from './fakes/fake-test-kit';

/** Each provider's own quirks (model-list shapes, request dialects, regions), against the fake. */
const h = useFakeProviders();

function caseOf(id: ProviderCase['id']): ProviderCase {
  const found = providerCases.find((item) => item.id === id);
  if (!found) throw new Error(`no case for ${id}`);
  return found;
}

function streamOf(id: ProviderCase['id'], model: string, extra = {}) {
  return collect(
    h.registry.get(id).streamChat(chatRequest(model, extra), caseOf(id).credential, new AbortController().signal),
  );
}

describe('OpenAI specifics', () => {
  const { credential } = caseOf('openai');

  it('keeps chat models only, judged by id', async () => {
    const ids = (await h.registry.get('openai').listModels(credential)).map((model) => model.id);
    expect(ids).toEqual(['gpt-4o-mini', 'gpt-4.1-nano', 'o4-mini', 'ft:gpt-4o-mini-2024-07-18:my-org::abc123']);
  });

  it('sends Bearer auth, asks for usage and uses max_completion_tokens', async () => {
    const parts = await streamOf('openai', 'o4-mini', { maxOutputTokens: 50, reasoningEffort: 'low' });
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
    const sent = h.fake.requestsFor('openai').at(-1);
    expect(sent?.headers.authorization).toBe(`Bearer ${credential.apiKey}`);
    expect(sent?.body).toMatchObject({
      stream_options: { include_usage: true },
      max_completion_tokens: 50,
      reasoning_effort: 'low',
    });
  });

  it('redacts a key echoed in an error body', async () => {
    const message = `Incorrect API key provided: ${credential.apiKey}.`;
    h.fake.failNext('openai', 'models', {
      kind: 'status',
      status: 401,
      body: { error: { message, type: 'invalid_request_error', code: 'invalid_api_key' } },
    });
    const error = await rejection(h.registry.get('openai').listModels(credential));
    expect(error.upstreamMessage).toContain('invalid_api_key');
    expect(error.upstreamMessage).not.toContain(credential.apiKey);
  });

  it('treats a restricted key as forbidden and insufficient_quota as not retryable', async () => {
    const message = 'You have insufficient permissions for this operation. Missing scopes: api.model.read.';
    h.fake.failNext('openai', 'models', {
      kind: 'status',
      status: 401,
      body: { error: { message, type: 'invalid_request_error', param: null, code: null } },
    });
    expect(await rejection(h.registry.get('openai').validateKey(credential))).toMatchObject({
      kind: 'forbidden',
      status: 401,
    });
    h.fake.failNext('openai', 'chat', { kind: 'rate-limit', quota: true });
    expect(errorOf(await streamOf('openai', 'gpt-4o-mini'))).toMatchObject({ kind: 'rate_limited', retryable: false });
  });
});

describe('Anthropic specifics', () => {
  const { credential, model } = caseOf('anthropic');

  it('follows has_more / last_id pagination across pages', async () => {
    const cards = Array.from({ length: 205 }, (_, index) =>
      anthropicCard(`claude-test-${String(index).padStart(3, '0')}`, `Claude Test ${index}`, { thinking: true }),
    );
    h.fake.setModels('anthropic', cards);
    const models = await h.registry.get('anthropic').listModels(credential);
    expect(models.map((item) => item.id)).toEqual(cards.map((card) => card.id));
    expect(h.fake.requestsFor('anthropic').map((request) => request.query)).toEqual([
      { limit: '100' },
      { limit: '100', after_id: 'claude-test-099' },
      { limit: '100', after_id: 'claude-test-199' },
    ]);
  });

  it('reads display names, context windows and capabilities, tolerating nulls', async () => {
    expect(await h.registry.get('anthropic').listModels(credential)).toEqual([
      {
        id: model,
        name: 'Claude Sonnet 4.5',
        contextWindow: 200000,
        capabilities: ['vision', 'tools', 'reasoning', 'json'],
      },
      { id: 'claude-3-5-haiku-20241022', name: 'Claude Haiku 3.5', capabilities: ['tools'] },
    ]);
  });

  it('sends its auth headers and top-level system, and streams thinking for a reasoning effort', async () => {
    h.fake.setReply('anthropic', { reasoning: 'Let me think.', text: 'Hi!', chunkSize: 4 });
    const parts = await streamOf('anthropic', model, { reasoningEffort: 'low', temperature: 0.3 });
    expect(textOf(parts, 'reasoning-delta')).toBe('Let me think.');
    expect(textOf(parts)).toBe('Hi!');
    expect(parts.findIndex((part) => part.type === 'reasoning-delta')).toBeLessThan(
      parts.findIndex((part) => part.type === 'text-delta'),
    );
    const sent = h.fake.requestsFor('anthropic').at(-1);
    expect(sent?.headers['x-api-key']).toBe(credential.apiKey);
    expect(sent?.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent?.body).toMatchObject({ system: 'You are terse.', thinking: { type: 'enabled', budget_tokens: 1024 } });
  });
});

describe('Mistral specifics', () => {
  const { credential } = caseOf('mistral');

  it('dedupes aliases, drops non-chat models and keeps capability flags', async () => {
    expect(await h.registry.get('mistral').listModels(credential)).toEqual([
      { id: 'ministral-3b-latest', name: 'ministral-3b-latest', capabilities: ['tools'], contextWindow: 131072 },
      { id: 'mistral-small-latest', name: 'mistral-small-latest', capabilities: ['tools'], contextWindow: 32768 },
      {
        id: 'pixtral-large-2411',
        name: 'pixtral-large-2411',
        capabilities: ['vision', 'tools'],
        contextWindow: 131072,
      },
      {
        id: 'magistral-medium-2509',
        name: 'magistral-medium-2509',
        capabilities: ['reasoning'],
        contextWindow: 131072,
      },
    ]);
  });

  it('streams thinking chunks as reasoning, with a body the strict schema accepts', async () => {
    h.fake.setReply('mistral', { reasoning: 'Hmm.', text: 'Bonjour', chunkSize: 3 });
    const parts = await streamOf('mistral', 'magistral-medium-2509', { reasoningEffort: 'high', maxOutputTokens: 20 });
    expect([textOf(parts, 'reasoning-delta'), textOf(parts)]).toEqual(['Hmm.', 'Bonjour']);
    expect(h.fake.requestsFor('mistral').at(-1)?.body).toMatchObject({ reasoning_effort: 'high', max_tokens: 20 });
  });
});

describe('DashScope specifics', () => {
  const { credential } = caseOf('dashscope');

  it("rejects a key on another region's host as auth and accepts it on its own", async () => {
    const adapter = h.registry.get('dashscope');
    expect(await rejection(adapter.validateKey({ ...credential, region: 'intl' }))).toMatchObject({
      kind: 'auth',
      status: 401,
    });
    expect(await rejection(adapter.validateKey({ ...credential, region: 'us' }))).toMatchObject({
      kind: 'auth',
      status: 401,
    });
    expect((await adapter.validateKey(credential)).map((model) => model.id)).toEqual([
      'qwen-plus',
      'qwen-max',
      'qwen3-max',
      'qwen-vl-max',
    ]);
    expect(h.fake.requestsFor('dashscope').map((request) => request.region)).toEqual(['intl', 'us', 'cn']);
  });

  it('maps reasoning effort to enable_thinking and streams reasoning_content', async () => {
    h.fake.setReply('dashscope', { reasoning: 'Thinking...', text: 'Done.' });
    const parts = await streamOf('dashscope', 'qwen3-max', { reasoningEffort: 'medium' });
    expect([textOf(parts, 'reasoning-delta'), textOf(parts)]).toEqual(['Thinking...', 'Done.']);
    expect(h.fake.requestsFor('dashscope').at(-1)?.body).toMatchObject({
      enable_thinking: true,
      thinking_budget: 4096,
      stream_options: { include_usage: true },
    });
  });
});

describe('Ollama specifics', () => {
  it('lists through /api/tags, then /api/show for each model', async () => {
    expect(await h.registry.get('ollama').listModels({})).toEqual([
      { id: 'llama3.2:latest', name: 'llama3.2:latest', capabilities: ['tools'], contextWindow: 131072 },
      { id: 'qwen3:8b', name: 'qwen3:8b', capabilities: ['tools', 'reasoning'], contextWindow: 40960 },
      { id: 'llava:latest', name: 'llava:latest', capabilities: ['vision'], contextWindow: 4096 },
    ]);
    const shows = h.fake.requestsFor('ollama').filter((request) => request.path === '/api/show');
    expect(shows.map((request) => request.body)).toHaveLength(4);
  });

  it('streams message.thinking as reasoning when a reasoning effort is set', async () => {
    h.fake.setReply('ollama', { reasoning: 'Pondering.', text: 'Answer.' });
    const parts = await streamOf('ollama', 'qwen3:8b', { reasoningEffort: 'medium' });
    expect([textOf(parts, 'reasoning-delta'), textOf(parts)]).toEqual(['Pondering.', 'Answer.']);
    expect(h.fake.requestsFor('ollama').at(-1)?.body).toMatchObject({ think: 'medium' });
  });

  it('refuses chat with an embedding-only model as bad_request', async () => {
    expect(errorOf(await streamOf('ollama', 'nomic-embed-text:latest'))).toMatchObject({
      kind: 'bad_request',
      status: 400,
    });
  });

  it('reports an unreachable host as a retryable network error', async () => {
    const offline = createProviderRegistry({
      fetch: globalThis.fetch,
      baseUrls: { ...h.fake.baseUrls, ollama: 'http://127.0.0.1:1' },
    });
    expect(await rejection(offline.get('ollama').validateKey({}))).toMatchObject({ kind: 'network', retryable: true });
    const parts = await collect(
      offline.get('ollama').streamChat(chatRequest('llama3.2'), {}, new AbortController().signal),
    );
    expect(errorOf(parts)).toMatchObject({ kind: 'network', retryable: true });
  });
});
