import { describe, expect, it } from 'vitest';
import { buildDashscopeChatBody } from './dashscope-request';

const messages = [{ role: 'user' as const, content: 'hi' }];

describe('buildDashscopeChatBody', () => {
  it('asks for usage and maps the token limit', () => {
    expect(buildDashscopeChatBody({ model: 'qwen-plus', messages, maxOutputTokens: 10 })).toMatchObject({
      stream_options: { include_usage: true },
      max_tokens: 10,
    });
  });

  it('maps reasoning effort to enable_thinking with a budget, and sends neither without it', () => {
    expect(buildDashscopeChatBody({ model: 'qwen3-max', messages, reasoningEffort: 'low' })).toMatchObject({
      enable_thinking: true,
      thinking_budget: 1024,
    });
    expect(buildDashscopeChatBody({ model: 'qwen3-max', messages })).not.toHaveProperty('enable_thinking');
  });
});
