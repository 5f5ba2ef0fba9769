import type { ProviderId } from '@chatstudio/contract';
import { isRecord, readArray, readString, type JsonRecord } from '../shared/json';
import { protocolError } from '../shared/upstream-error';

/**
 * The entries of an OpenAI-style `{"object":"list","data":[…]}` model list (OpenAI, Mistral,
 * DashScope compat). Entries without a string `id` are dropped; a body without `data` is a
 * protocol error rather than "no models", so a wrong base URL is not mistaken for an empty account.
 */
export function readModelEntries(provider: ProviderId, body: unknown): JsonRecord[] {
  const data = readArray(body, 'data');
  if (!data) throw protocolError(provider, 'model list without a data array');
  return data.filter((entry): entry is JsonRecord => isRecord(entry) && readString(entry, 'id') !== undefined);
}
