import type { ModelCapability, ModelInfo } from '@chatstudio/contract';
import { readBoolean, readNumber, readRecord, readString, readStringArray, type JsonRecord } from '../shared/json';

/**
 * Mistral lists every alias as its own entry, each repeating the canonical `name` and naming its
 * siblings in `aliases` (providers.md §3.2). Entries are grouped by `name` and by the alias graph,
 * and each group becomes one model under its `-latest` id (the stable choice for a user), else
 * the canonical id. Non-chat models (`capabilities.completion_chat` false: embed, moderation, OCR,
 * audio) are dropped.
 */
export function toMistralModels(entries: JsonRecord[]): ModelInfo[] {
  return groupAliases(entries).flatMap((group) => {
    const chosen = pickRepresentative(group);
    if (!chosen || readBoolean(readRecord(chosen, 'capabilities'), 'completion_chat') !== true) return [];
    return [toModelInfo(chosen)];
  });
}

function groupAliases(entries: JsonRecord[]): JsonRecord[][] {
  const groups: JsonRecord[][] = [];
  const groupIndexByKey = new Map<string, number>();
  for (const entry of entries) {
    const id = readString(entry, 'id') ?? '';
    const name = readString(entry, 'name');
    const keys = [id, ...readStringArray(entry, 'aliases')].map((alias) => `id:${alias}`);
    if (name) keys.push(`name:${name}`);
    let index = keys.map((key) => groupIndexByKey.get(key)).find((found) => found !== undefined);
    if (index === undefined) {
      index = groups.length;
      groups.push([]);
    }
    groups[index]?.push(entry);
    for (const key of keys) if (!groupIndexByKey.has(key)) groupIndexByKey.set(key, index);
  }
  return groups;
}

function pickRepresentative(group: JsonRecord[]): JsonRecord | undefined {
  return (
    group.find((entry) => readString(entry, 'id')?.endsWith('-latest')) ??
    group.find((entry) => readString(entry, 'id') === readString(entry, 'name')) ??
    group[0]
  );
}

function toModelInfo(entry: JsonRecord): ModelInfo {
  const id = readString(entry, 'id') ?? '';
  const flags = readRecord(entry, 'capabilities');
  const capabilities: ModelCapability[] = [];
  if (readBoolean(flags, 'vision')) capabilities.push('vision');
  if (readBoolean(flags, 'function_calling')) capabilities.push('tools');
  if (readBoolean(flags, 'reasoning')) capabilities.push('reasoning');
  if (readBoolean(flags, 'completion_fim') || /codestral|devstral/.test(id)) capabilities.push('code');
  const contextWindow = readNumber(entry, 'max_context_length');
  const model: ModelInfo = { id, name: id, capabilities };
  if (contextWindow !== undefined && contextWindow > 0) model.contextWindow = Math.floor(contextWindow);
  return model;
}
