import { describe, expect, it } from 'vitest';
import { readDashscopeDelta } from './dashscope-delta';

describe('readDashscopeDelta', () => {
  it('reads reasoning_content as reasoning and content as text', () => {
    expect(readDashscopeDelta({ content: null, role: 'assistant', reasoning_content: '' })).toEqual([]);
    expect(readDashscopeDelta({ content: null, reasoning_content: 'Hmm' })).toEqual([
      { type: 'reasoning-delta', text: 'Hmm' },
    ]);
    expect(readDashscopeDelta({ content: '##' })).toEqual([{ type: 'text-delta', text: '##' }]);
  });
});
