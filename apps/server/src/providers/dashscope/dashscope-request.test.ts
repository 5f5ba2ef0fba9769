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

  it('sends OpenAI-shaped tools and turns thinking off for a forced tool choice', () => {
    const body = buildDashscopeChatBody({
      model: 'qwen3-max',
      messages,
      reasoningEffort: 'high',
      tools: [{ name: 'get_weather' }],
      toolChoice: { name: 'get_weather' },
    });
    expect(body).toMatchObject({
      tools: [{ type: 'function', function: { name: 'get_weather' } }],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      enable_thinking: false,
    });
    expect(body).not.toHaveProperty('thinking_budget');
    const auto = buildDashscopeChatBody({
      model: 'qwen3-max',
      messages,
      reasoningEffort: 'low',
      tools: [{ name: 'f' }],
    });
    expect(auto).toMatchObject({ enable_thinking: true });
  });
});
