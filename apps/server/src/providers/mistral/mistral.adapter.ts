import { createOpenAiCompatibleAdapter } from '../openai-compatible/openai-compatible.adapter';
import type { AdapterTransport, ProviderAdapter } from '../spec';
import { joinUrl } from '../shared/upstream-http';
import { readMistralDelta } from './mistral-delta';
import { toMistralModels } from './mistral-models';
import { buildMistralChatBody } from './mistral-request';

/**
 * Mistral La Plateforme. `baseUrl` has no version path (`https://api.mistral.ai`, or the EU/US
 * hosts, providers.md §3.1); paths start with `/v1`, which is added here once.
 */
export function createMistralAdapter(options: AdapterTransport & { baseUrl: string }): ProviderAdapter {
  const versioned = joinUrl(options.baseUrl, '/v1');
  return createOpenAiCompatibleAdapter({
    id: 'mistral',
    name: 'Mistral',
    fetch: options.fetch,
    baseUrl: () => versioned,
    buildBody: buildMistralChatBody,
    readDelta: readMistralDelta,
    toModels: toMistralModels,
  });
}
