import type { ProviderId } from '@chatstudio/contract';

export const providerNames: Record<ProviderId, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  mistral: 'Mistral',
  dashscope: 'DashScope',
  ollama: 'Ollama',
};
