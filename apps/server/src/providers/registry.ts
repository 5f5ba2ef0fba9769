import type { DashscopeRegion, ProviderId } from '@chatstudio/contract';
import { createAnthropicAdapter } from './anthropic/anthropic.adapter';
import { createDashscopeAdapter } from './dashscope/dashscope.adapter';
import { createMistralAdapter } from './mistral/mistral.adapter';
import { createOllamaAdapter } from './ollama/ollama.adapter';
import { createOpenAiAdapter } from './openai/openai.adapter';
import type { ProviderAdapter } from './spec';

/**
 * Where each provider lives, exactly as providers.md §0 / spec §8 write base URLs: OpenAI ends in
 * `/v1`, DashScope in `/compatible-mode/v1`, Anthropic and Mistral have no version path (their
 * paths start with `/v1`), Ollama is a bare host. Operators override these through config only.
 */
export interface ProviderBaseUrls {
  openai: string;
  anthropic: string;
  mistral: string;
  dashscope: Record<DashscopeRegion, string>;
  ollama: string;
}

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
export const DEFAULT_MISTRAL_BASE_URL = 'https://api.mistral.ai';
export const DEFAULT_DASHSCOPE_BASE_URLS: Readonly<Record<DashscopeRegion, string>> = Object.freeze({
  intl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
  cn: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
  us: 'https://dashscope-us.aliyuncs.com/compatible-mode/v1',
});
/** spec §8's `OLLAMA_BASE_URL` default (providers.md writes `localhost`; 127.0.0.1 avoids IPv6 lookups). */
export const DEFAULT_OLLAMA_BASE_URL = 'http://127.0.0.1:11434';

/** The production defaults, for config to start from. A fresh copy each call, safe to modify. */
export function defaultProviderBaseUrls(): ProviderBaseUrls {
  return {
    openai: DEFAULT_OPENAI_BASE_URL,
    anthropic: DEFAULT_ANTHROPIC_BASE_URL,
    mistral: DEFAULT_MISTRAL_BASE_URL,
    dashscope: { ...DEFAULT_DASHSCOPE_BASE_URLS },
    ollama: DEFAULT_OLLAMA_BASE_URL,
  };
}

export interface ProviderRegistryConfig {
  fetch: typeof globalThis.fetch;
  baseUrls: ProviderBaseUrls;
}

export interface ProviderRegistry {
  get(id: ProviderId): ProviderAdapter;
  all(): ProviderAdapter[];
}

/**
 * Builds every adapter once from operator config. Adding a provider is one adapter module and one
 * line here; the `Record<ProviderId, …>` type makes a missing line a compile error.
 */
export function createProviderRegistry(config: ProviderRegistryConfig): ProviderRegistry {
  const { fetch, baseUrls } = config;
  const adapters: Record<ProviderId, ProviderAdapter> = {
    openai: createOpenAiAdapter({ fetch, baseUrl: baseUrls.openai }),
    anthropic: createAnthropicAdapter({ fetch, baseUrl: baseUrls.anthropic }),
    mistral: createMistralAdapter({ fetch, baseUrl: baseUrls.mistral }),
    dashscope: createDashscopeAdapter({ fetch, baseUrls: { ...baseUrls.dashscope } }),
    ollama: createOllamaAdapter({ fetch, baseUrl: baseUrls.ollama }),
  };
  return {
    get: (id) => adapters[id],
    all: () => Object.values(adapters),
  };
}
