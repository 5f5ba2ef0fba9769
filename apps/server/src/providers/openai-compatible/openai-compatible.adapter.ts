import type { ModelInfo, ProviderId } from '@chatstudio/contract';
import type { ChatRequest, ProviderAdapter, ProviderCredential, StreamPart } from '../spec';
import { readSseEvents } from '../shared/body-stream';
import { requireApiKey } from '../shared/credential';
import type { JsonRecord } from '../shared/json';
import { runStream } from '../shared/stream-runner';
import { callUpstream, fetchJson, joinUrl } from '../shared/upstream-http';
import { createChatChunkTranslator } from './chat-chunk-translator';
import type { ChatDeltaReader } from './chat-delta';
import { readModelEntries } from './model-list';

/**
 * What distinguishes one Chat Completions dialect from another. Everything else — Bearer auth,
 * `GET {base}/models`, `POST {base}/chat/completions`, SSE ending in `data: [DONE]`, error
 * mapping — is shared. `baseUrl` is the provider's configured base *including* its version path
 * (`…/v1`, `…/compatible-mode/v1`); Mistral's base has none, so its profile appends `/v1`.
 */
export interface OpenAiCompatibleProfile {
  id: ProviderId;
  name: string;
  fetch: typeof globalThis.fetch;
  baseUrl(credential: ProviderCredential): string;
  buildBody(request: ChatRequest): JsonRecord;
  toModels(entries: JsonRecord[]): ModelInfo[];
  readDelta: ChatDeltaReader;
}

/** Builds a ProviderAdapter for one Chat Completions dialect (OpenAI, Mistral, DashScope). */
export function createOpenAiCompatibleAdapter(profile: OpenAiCompatibleProfile): ProviderAdapter {
  async function listModels(credential: ProviderCredential, signal?: AbortSignal): Promise<ModelInfo[]> {
    const apiKey = requireApiKey(profile.id, credential);
    const body = await fetchJson({
      provider: profile.id,
      fetch: profile.fetch,
      url: joinUrl(profile.baseUrl(credential), '/models'),
      method: 'GET',
      headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json' },
      signal,
      secret: apiKey,
    });
    return profile.toModels(readModelEntries(profile.id, body));
  }

  function streamChat(
    request: ChatRequest,
    credential: ProviderCredential,
    signal: AbortSignal,
  ): AsyncIterable<StreamPart> {
    return runStream({
      provider: profile.id,
      signal,
      terminator: 'data: [DONE]',
      decode: readSseEvents,
      translator: createChatChunkTranslator({
        provider: profile.id,
        readDelta: profile.readDelta,
        secret: credential.apiKey,
      }),
      open: async () => {
        const apiKey = requireApiKey(profile.id, credential);
        return callUpstream({
          provider: profile.id,
          fetch: profile.fetch,
          url: joinUrl(profile.baseUrl(credential), '/chat/completions'),
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, accept: 'text/event-stream' },
          body: profile.buildBody(request),
          signal,
          secret: apiKey,
        });
      },
    });
  }

  return {
    id: profile.id,
    name: profile.name,
    requiresKey: true,
    // Listing models is every dialect's cheapest authenticated call (providers.md §1.5, §3.5, §4.5).
    validateKey: listModels,
    listModels,
    streamChat,
  };
}
