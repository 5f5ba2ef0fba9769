import { providerIds } from '@chatstudio/contract';
import { describe, expect, it } from 'vitest';
import { createProviderRegistry, defaultProviderBaseUrls } from './registry';

describe('createProviderRegistry', () => {
  it('builds one adapter per provider id', () => {
    const registry = createProviderRegistry({ fetch: globalThis.fetch, baseUrls: defaultProviderBaseUrls() });
    expect(registry.all().map((adapter) => adapter.id)).toEqual([...providerIds]);
    for (const id of providerIds) expect(registry.get(id).id).toBe(id);
    expect(registry.get('ollama').requiresKey).toBe(false);
    expect(registry.get('openai').requiresKey).toBe(true);
  });

  it('composes each provider path onto its base URL as providers.md §0 writes them', async () => {
    const seen: string[] = [];
    const recordingFetch: typeof globalThis.fetch = (input) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return Promise.resolve(new Response('{"data":[],"models":[]}', { status: 200 }));
    };
    const registry = createProviderRegistry({ fetch: recordingFetch, baseUrls: defaultProviderBaseUrls() });
    await registry.get('openai').listModels({ apiKey: 'sk-test' });
    await registry.get('anthropic').listModels({ apiKey: 'sk-ant-test' });
    await registry.get('mistral').listModels({ apiKey: 'k' });
    await registry.get('dashscope').listModels({ apiKey: 'sk-d', region: 'cn' });
    await registry.get('ollama').listModels({});
    expect(seen).toEqual([
      'https://api.openai.com/v1/models',
      'https://api.anthropic.com/v1/models?limit=100',
      'https://api.mistral.ai/v1/models',
      'https://dashscope.aliyuncs.com/compatible-mode/v1/models',
      'http://127.0.0.1:11434/api/tags',
    ]);
  });

  it('returns a fresh copy of the defaults each time', () => {
    const first = defaultProviderBaseUrls();
    first.dashscope.intl = 'changed';
    expect(defaultProviderBaseUrls().dashscope.intl).toBe('https://dashscope-intl.aliyuncs.com/compatible-mode/v1');
  });
});
