import { describe, expect, it } from 'vitest';
import { readMistralDelta } from './mistral-delta';

describe('readMistralDelta', () => {
  it('reads string content and skips empty strings', () => {
    expect(readMistralDelta({ role: 'assistant', content: ' more content' })).toEqual([
      { type: 'text-delta', text: ' more content' },
    ]);
    expect(readMistralDelta({ content: '' })).toEqual([]);
    expect(readMistralDelta({ content: null })).toEqual([]);
  });

  it('reads arrays of text and thinking chunks', () => {
    expect(
      readMistralDelta({
        content: [
          {
            type: 'thinking',
            thinking: [
              { type: 'text', text: 'Let me ' },
              { type: 'text', text: 'think.' },
            ],
          },
          { type: 'text', text: 'Hello' },
          { type: 'image_url', image_url: 'x' },
        ],
      }),
    ).toEqual([
      { type: 'reasoning-delta', text: 'Let me think.' },
      { type: 'text-delta', text: 'Hello' },
    ]);
  });
});
