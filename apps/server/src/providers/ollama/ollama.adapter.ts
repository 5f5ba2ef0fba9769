import type { ModelInfo } from '@chatstudio/contract';
import type { AdapterTransport, ChatRequest, ProviderAdapter, ProviderCredential, StreamPart } from '../spec';
import { ProviderError } from '../spec';
import { readNdjsonLines } from '../shared/body-stream';
import { mapWithConcurrency } from '../shared/concurrency';
import { runStream } from '../shared/stream-runner';
import { callUpstream, fetchJson, joinUrl, type UpstreamCall } from '../shared/upstream-http';
import { readOllamaTagNames, toOllamaModel } from './ollama-models';
import { buildOllamaChatBody } from './ollama-request';
import { createOllamaStreamTranslator } from './ollama-stream-translator';

/** At most this many `/api/show` calls in flight while listing a local library. */
const showConcurrency = 4;

/**
 * Ollama's native API. `baseUrl` is the host with no path (`http://127.0.0.1:11434`). No key is
 * needed locally; a key, when given (ollama.com), is sent as Bearer (providers.md §5.1).
 */
export function createOllamaAdapter(options: AdapterTransport & { baseUrl: string }): ProviderAdapter {
  interface CallInit {
    method?: 'GET' | 'POST';
    body?: unknown;
    signal?: AbortSignal | undefined;
    accept?: string;
  }

  function call(path: string, credential: ProviderCredential, init: CallInit = {}): UpstreamCall {
    const headers: Record<string, string> = { accept: init.accept ?? 'application/json' };
    if (credential.apiKey) headers['authorization'] = `Bearer ${credential.apiKey}`;
    return {
      provider: 'ollama',
      fetch: options.fetch,
      url: joinUrl(options.baseUrl, path),
      method: init.method ?? 'GET',
      headers,
      body: init.body,
      signal: init.signal,
      secret: credential.apiKey,
    };
  }

  async function listModels(credential: ProviderCredential, signal?: AbortSignal): Promise<ModelInfo[]> {
    const names = readOllamaTagNames(await fetchJson(call('/api/tags', credential, { signal })));
    const models = await mapWithConcurrency(names, showConcurrency, async (name) => {
      try {
        const show = await fetchJson(call('/api/show', credential, { method: 'POST', body: { model: name }, signal }));
        return toOllamaModel(name, show);
      } catch (error) {
        // A model deleted between the two calls is simply gone; anything else is a real failure.
        if (error instanceof ProviderError && error.kind === 'not_found') return undefined;
        throw error;
      }
    });
    return models.filter((model): model is ModelInfo => model !== undefined);
  }

  /** providers.md §5.6: there is no key to check, so check that an Ollama answers, then list. */
  async function validateKey(credential: ProviderCredential, signal?: AbortSignal): Promise<ModelInfo[]> {
    await fetchJson(call('/api/version', credential, { signal }));
    return listModels(credential, signal);
  }

  function streamChat(
    request: ChatRequest,
    credential: ProviderCredential,
    signal: AbortSignal,
  ): AsyncIterable<StreamPart> {
    return runStream({
      provider: 'ollama',
      signal,
      terminator: 'done:true',
      decode: readNdjsonLines,
      translator: createOllamaStreamTranslator(),
      open: () =>
        callUpstream(
          call('/api/chat', credential, {
            method: 'POST',
            body: buildOllamaChatBody(request),
            signal,
            accept: 'application/x-ndjson',
          }),
        ),
    });
  }

  return { id: 'ollama', name: 'Ollama', requiresKey: false, validateKey, listModels, streamChat };
}
