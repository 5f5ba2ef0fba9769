import { describe, expect, it } from 'vitest';
import { buildOpenAiChatBody } from './openai-request';

const messages = [{ role: 'user' as const, content: 'hi' }];

describe('buildOpenAiChatBody', () => {
  it('asks for usage and uses max_completion_tokens', () => {
    const body = buildOpenAiChatBody({ model: 'gpt-4.1-nano', messages, maxOutputTokens: 64 });
    expect(body).toMatchObject({ stream: true, stream_options: { include_usage: true }, max_completion_tokens: 64 });
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('sends reasoning_effort to reasoning models only', () => {
    expect(buildOpenAiChatBody({ model: 'o4-mini', messages, reasoningEffort: 'high' })).toMatchObject({
      reasoning_effort: 'high',
    });
    expect(buildOpenAiChatBody({ model: 'gpt-4o', messages, reasoningEffort: 'high' })).not.toHaveProperty(
      'reasoning_effort',
    );
  });
});
