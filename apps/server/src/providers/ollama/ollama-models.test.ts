import { describe, expect, it } from 'vitest';
import { readOllamaTagNames, toOllamaModel } from './ollama-models';

describe('readOllamaTagNames', () => {
  it('reads names from /api/tags', () => {
    expect(
      readOllamaTagNames({
        models: [{ name: 'llama3.2:latest', model: 'llama3.2:latest' }, { model: 'qwen3:8b' }, {}],
      }),
    ).toEqual(['llama3.2:latest', 'qwen3:8b']);
  });

  it('rejects a body that is not a tag list', () => {
    expect(() => readOllamaTagNames({ data: [] })).toThrow(/could not be understood/);
  });
});

describe('toOllamaModel', () => {
  it('reads capabilities and the architecture-specific context length', () => {
    const show = {
      model_info: { 'general.architecture': 'llama', 'llama.context_length': 8192, 'llama.embedding_length': 4096 },
      capabilities: ['completion', 'vision', 'tools', 'thinking'],
    };
    expect(toOllamaModel('llava:latest', show)).toEqual({
      id: 'llava:latest',
      name: 'llava:latest',
      contextWindow: 8192,
      capabilities: ['vision', 'tools', 'reasoning'],
    });
  });

  it('drops embedding-only models', () => {
    expect(toOllamaModel('nomic-embed-text:latest', { capabilities: ['embedding'] })).toBeUndefined();
  });

  it('keeps a model from an Ollama that reports no capabilities, without a context window', () => {
    expect(toOllamaModel('old:latest', { model_info: { 'general.architecture': 'llama' } })).toEqual({
      id: 'old:latest',
      name: 'old:latest',
      capabilities: [],
    });
  });
});
