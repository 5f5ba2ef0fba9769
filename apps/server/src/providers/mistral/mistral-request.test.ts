import { describe, expect, it } from 'vitest';
import { buildMistralChatBody } from './mistral-request';

describe('buildMistralChatBody', () => {
  it('never sends fields Mistral forbids', () => {
    const body = buildMistralChatBody({
      model: 'mistral-small-latest',
      messages: [{ role: 'user', content: 'hi' }],
      maxOutputTokens: 100,
      reasoningEffort: 'medium',
    });
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model', 'reasoning_effort', 'stream']);
    expect(body).toMatchObject({ max_tokens: 100, reasoning_effort: 'medium' });
  });
});
