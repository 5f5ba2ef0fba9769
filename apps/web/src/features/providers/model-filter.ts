import type { ModelInfo } from '@chatstudio/contract';

/**
 * Models matching every word of `query` in their id or name (case-insensitive); capability names match
 * too, so "vision" finds vision models. Order is kept: the server lists chat models first.
 */
export function filterModels(models: readonly ModelInfo[], query: string): ModelInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...models];
  return models.filter((model) => {
    const haystack = `${model.id} ${model.name} ${model.capabilities.join(' ')}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
