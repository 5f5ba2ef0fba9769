import type { ModelInfo } from '@chatstudio/contract';
import type { AdapterTransport, ChatRequest, ProviderAdapter, ProviderCredential, StreamPart } from '../spec';
import { readSseEvents } from '../shared/body-stream';
import { requireApiKey } from '../shared/credential';
import { runStream } from '../shared/stream-runner';
import { protocolError } from '../shared/upstream-error';
import { callUpstream, fetchJson, joinUrl } from '../shared/upstream-http';
import { anthropicVersion, buildAnthropicBody } from './anthropic-messages';
import { readAnthropicModelPage, toAnthropicModel } from './anthropic-models';
import { createAnthropicStreamTranslator } from './anthropic-stream-translator';

/** Page size for model listing; real accounts fit in one page, the cursor loop covers the rest. */
const modelPageSize = 100;
/** Stops a misbehaving cursor (a `last_id` that never advances) from looping forever. */
const maxModelPages = 50;

/**
 * Anthropic Messages API. `baseUrl` has no version path (`https://api.anthropic.com`); paths
 * start with `/v1` (providers.md §2.1). Auth is `x-api-key` plus `anthropic-version`.
 */
export function createAnthropicAdapter(options: AdapterTransport & { baseUrl: string }): ProviderAdapter {
  const headersFor = (apiKey: string) => ({ 'x-api-key': apiKey, 'anthropic-version': anthropicVersion });

  async function listModels(credential: ProviderCredential, signal?: AbortSignal): Promise<ModelInfo[]> {
    const apiKey = requireApiKey('anthropic', credential);
    const models: ModelInfo[] = [];
    let afterId: string | undefined;
    for (let page = 0; page < maxModelPages; page += 1) {
      const query = new URLSearchParams({ limit: String(modelPageSize) });
      if (afterId !== undefined) query.set('after_id', afterId);
      const body = await fetchJson({
        provider: 'anthropic',
        fetch: options.fetch,
        url: joinUrl(options.baseUrl, `/v1/models?${query.toString()}`),
        method: 'GET',
        headers: { ...headersFor(apiKey), accept: 'application/json' },
        signal,
        secret: apiKey,
      });
      const { entries, hasMore, lastId } = readAnthropicModelPage(body);
      models.push(...entries.map(toAnthropicModel));
      if (!hasMore) return models;
      if (lastId === undefined || lastId === afterId) break;
      afterId = lastId;
    }
    throw protocolError('anthropic', 'model pagination did not terminate');
  }

  function streamChat(
    request: ChatRequest,
    credential: ProviderCredential,
    signal: AbortSignal,
  ): AsyncIterable<StreamPart> {
    return runStream({
      provider: 'anthropic',
      signal,
      terminator: 'event: message_stop',
      decode: readSseEvents,
      translator: createAnthropicStreamTranslator(credential.apiKey),
      open: async () => {
        const apiKey = requireApiKey('anthropic', credential);
        return callUpstream({
          provider: 'anthropic',
          fetch: options.fetch,
          url: joinUrl(options.baseUrl, '/v1/messages'),
          method: 'POST',
          headers: { ...headersFor(apiKey), accept: 'text/event-stream' },
          body: buildAnthropicBody(request),
          signal,
          secret: apiKey,
        });
      },
    });
  }

  return {
    id: 'anthropic',
    name: 'Anthropic',
    requiresKey: true,
    // providers.md §2.5 checks with `?limit=1`; listing in full instead lets one call also return
    // the models, as validateKey promises.
    validateKey: listModels,
    listModels,
    streamChat,
  };
}
