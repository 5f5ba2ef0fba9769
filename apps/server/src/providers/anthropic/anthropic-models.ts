import type { ModelCapability, ModelInfo, ProviderId } from '@chatstudio/contract';
import { isRecord, readArray, readBoolean, readNumber, readRecord, readString, type JsonRecord } from '../shared/json';
import { protocolError } from '../shared/upstream-error';

/** One page of `GET /v1/models` (providers.md §2.2): cursor pagination by `after_id=<last_id>`. */
export interface AnthropicModelPage {
  entries: JsonRecord[];
  hasMore: boolean;
  lastId: string | undefined;
}

const provider: ProviderId = 'anthropic';

export function readAnthropicModelPage(body: unknown): AnthropicModelPage {
  const data = readArray(body, 'data');
  if (!data) throw protocolError(provider, 'model page without a data array');
  return {
    entries: data.filter((entry): entry is JsonRecord => isRecord(entry) && readString(entry, 'id') !== undefined),
    hasMore: readBoolean(body, 'has_more') === true,
    lastId: readString(body, 'last_id'),
  };
}

function supported(capabilities: JsonRecord | undefined, name: string): boolean {
  return readBoolean(readRecord(capabilities, name), 'supported') === true;
}

/**
 * Every listed Anthropic model is a Messages (chat) model (§2.2). `capabilities` and
 * `max_input_tokens` are nullable and absent in older responses, so each is used only when given.
 * Tool use is not a listed capability; every Messages model supports it.
 */
export function toAnthropicModel(entry: JsonRecord): ModelInfo {
  const id = readString(entry, 'id') ?? '';
  const flags = readRecord(entry, 'capabilities');
  const capabilities: ModelCapability[] = [];
  if (supported(flags, 'image_input')) capabilities.push('vision');
  capabilities.push('tools');
  if (supported(flags, 'thinking')) capabilities.push('reasoning');
  if (supported(flags, 'structured_outputs')) capabilities.push('json');
  const model: ModelInfo = { id, name: readString(entry, 'display_name') ?? id, capabilities };
  const contextWindow = readNumber(entry, 'max_input_tokens');
  if (contextWindow !== undefined && contextWindow > 0) model.contextWindow = Math.floor(contextWindow);
  return model;
}
