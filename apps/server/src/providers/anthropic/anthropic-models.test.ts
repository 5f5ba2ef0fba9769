import { describe, expect, it } from 'vitest';
import { readAnthropicModelPage, toAnthropicModel } from './anthropic-models';

describe('toAnthropicModel', () => {
  it('reads display name, context window and capabilities', () => {
    const model = toAnthropicModel({
      type: 'model',
      id: 'claude-sonnet-4-5-20250929',
      display_name: 'Claude Sonnet 4.5',
      max_input_tokens: 200000,
      max_tokens: 64000,
      capabilities: {
        image_input: { supported: true },
        thinking: { supported: true, types: { enabled: { supported: true } } },
        structured_outputs: { supported: true },
        effort: { supported: false },
      },
    });
    expect(model).toEqual({
      id: 'claude-sonnet-4-5-20250929',
      name: 'Claude Sonnet 4.5',
      contextWindow: 200000,
      capabilities: ['vision', 'tools', 'reasoning', 'json'],
    });
  });

  it('tolerates null or missing capability data', () => {
    expect(toAnthropicModel({ id: 'claude-old', capabilities: null, max_input_tokens: null })).toEqual({
      id: 'claude-old',
      name: 'claude-old',
      capabilities: ['tools'],
    });
  });
});

describe('readAnthropicModelPage', () => {
  it('reads the cursor fields', () => {
    expect(
      readAnthropicModelPage({ data: [{ id: 'a' }, { nope: 1 }], has_more: true, first_id: 'a', last_id: 'a' }),
    ).toEqual({
      entries: [{ id: 'a' }],
      hasMore: true,
      lastId: 'a',
    });
    expect(readAnthropicModelPage({ data: [], has_more: false, first_id: null, last_id: null }).lastId).toBeUndefined();
  });

  it('rejects a body without data', () => {
    expect(() => readAnthropicModelPage({ models: [] })).toThrow(/could not be understood/);
  });
});
