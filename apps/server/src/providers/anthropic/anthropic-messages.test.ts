import { describe, expect, it } from 'vitest';
import { buildAnthropicBody, defaultAnthropicMaxTokens } from './anthropic-messages';

describe('buildAnthropicBody', () => {
  it('moves system messages to the top-level system and keeps turns', () => {
    const body = buildAnthropicBody({
      model: 'claude-sonnet-4-5',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Hi' },
        { role: 'system', content: 'No emoji.' },
        { role: 'user', content: 'Again' },
      ],
      temperature: 0.2,
      stop: ['###'],
    });
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: defaultAnthropicMaxTokens,
      stream: true,
      system: 'Be brief.\n\nNo emoji.',
      temperature: 0.2,
      stop_sequences: ['###'],
      messages: [
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Hi' },
        { role: 'user', content: 'Again' },
      ],
    });
  });

  it('merges consecutive turns of the same role and omits an empty system', () => {
    const body = buildAnthropicBody({
      model: 'm',
      messages: [
        { role: 'user', content: 'a' },
        { role: 'user', content: 'b' },
      ],
    });
    expect(body['messages']).toEqual([{ role: 'user', content: 'a\n\nb' }]);
    expect(body).not.toHaveProperty('system');
  });

  it('maps reasoning effort to thinking with the budget on top of max_tokens and drops temperature', () => {
    const body = buildAnthropicBody({
      model: 'm',
      messages: [{ role: 'user', content: 'think' }],
      maxOutputTokens: 1000,
      temperature: 0.5,
      reasoningEffort: 'medium',
    });
    expect(body).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 4096 }, max_tokens: 5096 });
    expect(body).not.toHaveProperty('temperature');
  });

  it('sends tools and skips thinking when a tool is forced or a tool loop is open', () => {
    const tools = [{ name: 'get_weather' }];
    const ask = { role: 'user' as const, content: 'Weather?' };
    const forced = buildAnthropicBody({
      model: 'm',
      messages: [ask],
      tools,
      toolChoice: 'required',
      reasoningEffort: 'low',
      temperature: 0.3,
    });
    expect(forced).toMatchObject({ tools: [{ name: 'get_weather' }], tool_choice: { type: 'any' }, temperature: 0.3 });
    expect(forced).not.toHaveProperty('thinking');

    const loop = buildAnthropicBody({
      model: 'm',
      messages: [
        ask,
        { role: 'assistant', content: '', toolCalls: [{ id: 'toolu_1', name: 'get_weather', arguments: '{}' }] },
        { role: 'tool', content: 'sunny', toolCallId: 'toolu_1' },
      ],
      tools,
      reasoningEffort: 'low',
    });
    expect(loop).not.toHaveProperty('thinking');
    expect(buildAnthropicBody({ model: 'm', messages: [ask], tools, reasoningEffort: 'low' })).toHaveProperty(
      'thinking',
    );
  });
});
