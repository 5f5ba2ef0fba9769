import type { ModelInfo } from '@chatstudio/contract';
import { describe, expect, it } from 'vitest';
import { filterModels } from './model-filter';

const models: ModelInfo[] = [
  { id: 'gpt-4o', name: 'GPT-4o', contextWindow: 128000, capabilities: ['vision', 'tools'] },
  { id: 'gpt-4o-mini', name: 'GPT-4o mini', capabilities: ['tools'] },
  { id: 'o3', name: 'o3', capabilities: ['reasoning'] },
];

describe('filterModels', () => {
  it('returns everything for an empty query', () => {
    expect(filterModels(models, '  ')).toHaveLength(3);
  });
  it('matches all words in id, name or capabilities', () => {
    expect(filterModels(models, '4O MINI').map((model) => model.id)).toEqual(['gpt-4o-mini']);
    expect(filterModels(models, 'vision').map((model) => model.id)).toEqual(['gpt-4o']);
    expect(filterModels(models, 'reason').map((model) => model.id)).toEqual(['o3']);
    expect(filterModels(models, 'claude')).toEqual([]);
  });
});
