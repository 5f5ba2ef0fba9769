import type { ModelCapability, ModelInfo } from '@chatstudio/contract';
import { readArray, readNumber, readRecord, readString, readStringArray } from '../shared/json';
import { protocolError } from '../shared/upstream-error';

/** Model names from `GET /api/tags` (providers.md §5.2), e.g. `llama3.2:latest`. */
export function readOllamaTagNames(body: unknown): string[] {
  const models = readArray(body, 'models');
  if (!models) throw protocolError('ollama', 'tag list without a models array');
  return models.flatMap((entry) => {
    const name = readString(entry, 'name') ?? readString(entry, 'model');
    return name ? [name] : [];
  });
}

/**
 * One `POST /api/show` answer → ModelInfo, or `undefined` for a model that cannot chat. Chat
 * capability means `completion` in `capabilities` (§5.2); an Ollama too old to report
 * capabilities is given the benefit of the doubt. The context window is the trained length,
 * `model_info["<general.architecture>.context_length"]`, not the runtime `num_ctx`.
 */
export function toOllamaModel(name: string, show: unknown): ModelInfo | undefined {
  const reported = readArray(show, 'capabilities') !== undefined;
  const flags = readStringArray(show, 'capabilities');
  if (reported && !flags.includes('completion')) return undefined;
  const capabilities: ModelCapability[] = [];
  if (flags.includes('vision')) capabilities.push('vision');
  if (flags.includes('tools')) capabilities.push('tools');
  if (flags.includes('thinking')) capabilities.push('reasoning');
  const model: ModelInfo = { id: name, name, capabilities };
  const info = readRecord(show, 'model_info');
  const architecture = readString(info, 'general.architecture');
  const contextWindow = architecture ? readNumber(info, `${architecture}.context_length`) : undefined;
  if (contextWindow !== undefined && contextWindow > 0) model.contextWindow = Math.floor(contextWindow);
  return model;
}
