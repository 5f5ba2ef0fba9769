import type { FakeModelCard, FakeModelLists } from './fake-types';

/** A Mistral card shaped like the real listing (providers.md §3.2). */
export function mistralCard(
  id: string,
  name: string,
  aliases: string[],
  capabilities: Record<string, boolean>,
  maxContextLength = 131072,
): FakeModelCard {
  return {
    id,
    object: 'model',
    created: 1742235471,
    owned_by: 'mistralai',
    capabilities: {
      completion_chat: false,
      completion_fim: false,
      function_calling: false,
      fine_tuning: false,
      vision: false,
      ...capabilities,
    },
    name,
    description: `Official ${name} Mistral AI model`,
    max_context_length: maxContextLength,
    aliases,
    deprecation: null,
    default_model_temperature: 0.3,
    type: 'base',
  };
}

/** An Anthropic ModelInfo (providers.md §2.2); `capabilities` null mimics older answers. */
export function anthropicCard(
  id: string,
  displayName: string,
  options: { vision?: boolean; thinking?: boolean; context?: number | null } = {},
): FakeModelCard {
  const capabilities =
    options.vision === undefined && options.thinking === undefined
      ? null
      : {
          image_input: { supported: options.vision ?? false },
          pdf_input: { supported: true },
          thinking: {
            supported: options.thinking ?? false,
            types: { enabled: { supported: options.thinking ?? false } },
          },
          structured_outputs: { supported: true },
          effort: { supported: false },
        };
  return {
    type: 'model',
    id,
    display_name: displayName,
    created_at: '2025-09-29T00:00:00Z',
    max_input_tokens: options.context === undefined ? 200000 : options.context,
    max_tokens: 64000,
    capabilities,
  };
}

/** The default model lists, with the quirks each provider really has (providers.md §6.4). */
export function defaultFakeModels(): FakeModelLists {
  const chat = { completion_chat: true, function_calling: true };
  return {
    openai: [
      'gpt-4o-mini',
      'gpt-4.1-nano',
      'o4-mini',
      'text-embedding-3-small',
      'tts-1',
      'whisper-1',
      'dall-e-3',
      'gpt-image-1',
      'omni-moderation-latest',
      'ft:gpt-4o-mini-2024-07-18:my-org::abc123',
    ],
    dashscope: [
      'qwen-plus',
      'qwen-max',
      'qwen3-max',
      'qwen-vl-max',
      'text-embedding-v4',
      'qwen3-rerank',
      'qwen-image-max',
      'cosyvoice-v2',
    ],
    anthropic: [
      anthropicCard('claude-sonnet-4-5-20250929', 'Claude Sonnet 4.5', { vision: true, thinking: true }),
      anthropicCard('claude-3-5-haiku-20241022', 'Claude Haiku 3.5', { context: null }),
    ],
    mistral: [
      mistralCard('ministral-3b-2410', 'ministral-3b-2410', ['ministral-3b-latest'], chat),
      mistralCard('ministral-3b-latest', 'ministral-3b-2410', ['ministral-3b-2410'], chat),
      mistralCard('mistral-small-2501', 'mistral-small-2501', ['mistral-small-latest'], chat, 32768),
      mistralCard('mistral-small-latest', 'mistral-small-2501', ['mistral-small-2501'], chat, 32768),
      mistralCard('pixtral-large-2411', 'pixtral-large-2411', [], { ...chat, vision: true }),
      mistralCard('magistral-medium-2509', 'magistral-medium-2509', [], { completion_chat: true, reasoning: true }),
      mistralCard('mistral-embed', 'mistral-embed', [], { completion_chat: false }, 8192),
      mistralCard('mistral-moderation-2411', 'mistral-moderation-2411', [], {
        completion_chat: false,
        moderation: true,
      }),
    ],
    ollama: [
      { name: 'llama3.2:latest', family: 'llama', capabilities: ['completion', 'tools'], contextLength: 131072 },
      { name: 'qwen3:8b', family: 'qwen3', capabilities: ['completion', 'tools', 'thinking'], contextLength: 40960 },
      { name: 'llava:latest', family: 'llama', capabilities: ['completion', 'vision'], contextLength: 4096 },
      { name: 'nomic-embed-text:latest', family: 'nomic-bert', capabilities: ['embedding'], contextLength: 2048 },
    ],
  };
}
