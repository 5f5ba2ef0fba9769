import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstreams, type FakeUpstreams } from './fakes/fake-upstreams';
import { canary } from './support/canary';
import { testDatabases } from './support/databases';
import { setupAdmin } from './support/factories';
import { startAppWithFakes } from './support/with-fakes';
import type { TestApp } from './support/app';

describe.each(testDatabases())('providers, keys and discovery on %s', (database) => {
  let fake: FakeUpstreams;
  let app: TestApp;
  let close: () => Promise<void>;
  const openaiKey = canary(`sk-proj-good-${database}-0123456789`);
  const anthropicKey = canary(`sk-ant-api03-good-${database}-abcdef`);
  const dashscopeKey = canary(`sk-dashscope-cn-${database}-4455`);

  beforeAll(async () => {
    fake = await startFakeUpstreams();
    ({ app, close } = await startAppWithFakes({ database, fake, env: { CHATSTUDIO_MODEL_CACHE_TTL_SECONDS: '600' } }));
    await setupAdmin(app);
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    fake.addKey('openai', openaiKey);
    fake.addKey('anthropic', anthropicKey);
    fake.addKey('dashscope', dashscopeKey, 'cn');
  });

  it('lists every provider with its state; Ollama needs no key and is reachable', async () => {
    const response = await app.client.get('/api/providers');
    expect(response.status).toBe(200);
    const byId = Object.fromEntries(response.body.providers.map((p: { id: string }) => [p.id, p]));
    expect(Object.keys(byId).sort()).toEqual(['anthropic', 'dashscope', 'mistral', 'ollama', 'openai']);
    expect(byId.openai).toMatchObject({ name: 'OpenAI', requiresKey: true, approved: true, personalKeysAllowed: true });
    expect(byId.dashscope.regions).toEqual(['intl', 'cn', 'us']);
    expect(byId.ollama).toMatchObject({ requiresKey: false, reachable: true, credential: null });
  });

  it('connects a key only after the provider accepts it, and shows only a hint', async () => {
    const connected = await app.client.put('/api/providers/openai/key', { apiKey: openaiKey });
    expect(connected.status).toBe(200);
    expect(connected.body).toEqual({
      credential: {
        id: expect.any(String),
        scope: 'user',
        hint: `sk-…${openaiKey.slice(-4)}`,
        connectedBy: { id: expect.any(String), name: 'Ada Admin' },
        connectedAt: expect.any(String),
      },
      modelCount: 4,
    });
    const check = fake.requestsFor('openai').find((r) => r.path === '/v1/models');
    expect(check?.headers.authorization).toBe(`Bearer ${openaiKey}`);
    const providers = await app.client.get('/api/providers');
    expect(providers.body.providers.find((p: { id: string }) => p.id === 'openai').credential.hint).toBe(
      `sk-…${openaiKey.slice(-4)}`,
    );
    const stored = await app.server.db.kysely
      .selectFrom('credentials')
      .selectAll()
      .where('provider', '=', 'openai')
      .execute();
    expect(stored).toHaveLength(1);
  });

  it('refuses a key the provider rejects with 422 key_invalid and stores nothing', async () => {
    const rejected = await app.client.put('/api/providers/anthropic/key', {
      apiKey: canary('sk-ant-api03-rejected-key-000'),
    });
    expect(rejected.status).toBe(422);
    expect(rejected.body.error).toMatchObject({
      code: 'key_invalid',
      provider: 'anthropic',
      message: 'Anthropic rejected this key',
    });
    const rows = await app.server.db.kysely
      .selectFrom('credentials')
      .selectAll()
      .where('provider', '=', 'anthropic')
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('answers an upstream 5xx with 502 provider_unavailable and stores nothing', async () => {
    fake.failNext('mistral', 'models', { kind: 'server-error' });
    const key = canary('mistral-key-unlucky-0001');
    fake.addKey('mistral', key);
    const response = await app.client.put('/api/providers/mistral/key', { apiKey: key });
    expect(response.status).toBe(502);
    expect(response.body.error.code).toBe('provider_unavailable');
    expect(
      await app.server.db.kysely.selectFrom('credentials').selectAll().where('provider', '=', 'mistral').execute(),
    ).toHaveLength(0);
  });

  it('validates DashScope keys against the chosen region', async () => {
    const wrongRegion = await app.client.put('/api/providers/dashscope/key', { apiKey: dashscopeKey, region: 'intl' });
    expect(wrongRegion.status).toBe(422);
    expect(wrongRegion.body.error.code).toBe('key_invalid');
    const missing = await app.client.put('/api/providers/dashscope/key', { apiKey: dashscopeKey });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/region/);
    const invalidRegion = await app.client.put('/api/providers/dashscope/key', { apiKey: dashscopeKey, region: 'eu' });
    expect(invalidRegion.status).toBe(400);
    const right = await app.client.put('/api/providers/dashscope/key', { apiKey: dashscopeKey, region: 'cn' });
    expect(right.status).toBe(200);
    expect(right.body.credential.region).toBe('cn');
    expect(fake.requestsFor('dashscope').at(-1)?.region).toBe('cn');
  });

  it('rejects bad input with clear errors', async () => {
    expect((await app.client.put('/api/providers/nope/key', { apiKey: 'sk-whatever-123' })).status).toBe(404);
    expect((await app.client.get('/api/providers/nope/models')).status).toBe(404);
    expect((await app.client.put('/api/providers/openai/key', { apiKey: '' })).status).toBe(400);
    expect((await app.client.put('/api/providers/openai/key', { apiKey: `sk-${'x'.repeat(600)}` })).status).toBe(400);
    expect((await app.client.put('/api/providers/openai/key', {})).status).toBe(400);
    const ollama = await app.client.put('/api/providers/ollama/key', { apiKey: 'sk-ollama-key-1' });
    expect(ollama.status).toBe(400);
    expect(ollama.body.error.message).toMatch(/takes no key/);
    const region = await app.client.put('/api/providers/openai/key', { apiKey: openaiKey, region: 'cn' });
    expect(region.status).toBe(400);
  });

  it('answers an unconnected provider with 409 key_required naming it', async () => {
    const response = await app.client.get('/api/providers/mistral/models');
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'key_required', provider: 'mistral' });
  });

  it('discovers chat models with capabilities, from cache until refreshed', async () => {
    await app.client.put('/api/providers/anthropic/key', { apiKey: anthropicKey });
    const callsAfterConnect = fake.requestsFor('anthropic').length;
    const first = await app.client.get('/api/providers/anthropic/models');
    expect(first.status).toBe(200);
    expect(first.body.stale).toBe(false);
    expect(first.body.models).toContainEqual({
      id: 'claude-sonnet-4-5-20250929',
      name: 'Claude Sonnet 4.5',
      contextWindow: 200000,
      capabilities: expect.arrayContaining(['vision', 'reasoning']),
    });
    expect(fake.requestsFor('anthropic').length).toBe(callsAfterConnect);
    const refreshed = await app.client.get('/api/providers/anthropic/models?refresh=1');
    expect(refreshed.status).toBe(200);
    expect(fake.requestsFor('anthropic').length).toBeGreaterThan(callsAfterConnect);
  });

  it('makes one upstream call for concurrent requests of the same list', async () => {
    await app.client.put('/api/providers/openai/key', { apiKey: openaiKey });
    const before = fake.requestsFor('openai').length;
    // A slow listing keeps the first call in flight while the others arrive.
    fake.failNext('openai', 'models', { kind: 'slow-first-token', delayMs: 300 });
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => app.client.get('/api/providers/openai/models?refresh=1')),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(fake.requestsFor('openai').length - before).toBe(1);
    expect(responses[0]?.body.models.map((m: { id: string }) => m.id)).not.toContain('text-embedding-3-small');
  });

  it('keeps serving the last good list, marked stale, when a refresh fails', async () => {
    await app.client.put('/api/providers/openai/key', { apiKey: openaiKey });
    fake.failNext('openai', 'models', { kind: 'server-error' });
    const stale = await app.client.get('/api/providers/openai/models?refresh=1');
    expect(stale.status).toBe(200);
    expect(stale.body.stale).toBe(true);
    expect(stale.body.models.length).toBe(4);
  });

  it('lists Ollama models through the managed host without a key', async () => {
    const response = await app.client.get('/api/providers/ollama/models');
    expect(response.status).toBe(200);
    expect(response.body.models).toContainEqual({
      id: 'qwen3:8b',
      name: 'qwen3:8b',
      contextWindow: 40960,
      capabilities: expect.arrayContaining(['tools', 'reasoning']),
    });
    expect(response.body.models.map((m: { id: string }) => m.id)).not.toContain('nomic-embed-text:latest');
  });

  it('replaces and removes a key, auditing each change without the key', async () => {
    await app.client.put('/api/providers/openai/key', { apiKey: openaiKey });
    const second = canary(`sk-proj-second-${database}-9876`);
    fake.addKey('openai', second);
    const replaced = await app.client.put('/api/providers/openai/key', { apiKey: second });
    expect(replaced.body.credential.hint).toBe('sk-…9876');
    expect((await app.client.delete('/api/providers/openai/key')).status).toBe(204);
    expect((await app.client.delete('/api/providers/openai/key')).status).toBe(404);
    expect((await app.client.get('/api/providers/openai/models')).status).toBe(409);
    const actions = (await app.server.db.kysely.selectFrom('audit_log').select(['action', 'diff']).execute()).map(
      (r) => r.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['key.connected', 'key.rotated', 'key.removed']));
  });
});

describe('unreachable providers', () => {
  it('answers 502 provider_unavailable when the provider cannot be reached, and shows Ollama unreachable', async () => {
    const { app, close } = await startAppWithFakes({
      env: { CHATSTUDIO_OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OLLAMA_BASE_URL: 'http://127.0.0.1:9' },
    });
    try {
      await setupAdmin(app);
      const response = await app.client.put('/api/providers/openai/key', { apiKey: canary('sk-proj-nowhere-000111') });
      expect(response.status).toBe(502);
      expect(response.body.error.code).toBe('provider_unavailable');
      const providers = await app.client.get('/api/providers');
      expect(providers.body.providers.find((p: { id: string }) => p.id === 'ollama').reachable).toBe(false);
    } finally {
      await close();
    }
  });
});
