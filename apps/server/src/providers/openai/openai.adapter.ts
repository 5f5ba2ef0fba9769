import { readContentDelta } from '../openai-compatible/chat-delta';
import { createOpenAiCompatibleAdapter } from '../openai-compatible/openai-compatible.adapter';
import type { AdapterTransport, ProviderAdapter } from '../spec';
import { readString } from '../shared/json';
import { classifyOpenAiModel } from './openai-models';
import { buildOpenAiChatBody } from './openai-request';

/**
 * OpenAI Chat Completions. `baseUrl` ends in `/v1` (providers.md §1.1), e.g.
 * `https://api.openai.com/v1`; the adapter appends `/models` and `/chat/completions`.
 */
export function createOpenAiAdapter(options: AdapterTransport & { baseUrl: string }): ProviderAdapter {
  return createOpenAiCompatibleAdapter({
    id: 'openai',
    name: 'OpenAI',
    fetch: options.fetch,
    baseUrl: () => options.baseUrl,
    buildBody: buildOpenAiChatBody,
    readDelta: readContentDelta,
    toModels: (entries) =>
      entries.flatMap((entry) => {
        const model = classifyOpenAiModel(readString(entry, 'id') ?? '');
        return model ? [model] : [];
      }),
  });
}
