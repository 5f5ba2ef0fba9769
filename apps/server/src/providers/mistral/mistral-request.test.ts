import { describe, expect, it } from 'vitest';
import { buildMistralChatBody } from './mistral-request';
import { toMistralToolCallId } from './mistral-tool-call-id';

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

  it('spells required as any, rewrites call ids consistently and names tool results', () => {
    const body = buildMistralChatBody({
      model: 'mistral-small-latest',
      messages: [
        { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{}' }] },
        { role: 'tool', content: 'sunny', toolCallId: 'call_1' },
      ],
      tools: [{ name: 'get_weather' }],
      toolChoice: 'required',
    });
    const id = toMistralToolCallId('call_1');
    expect(id).toMatch(/^[A-Za-z0-9]{9}$/);
    expect(body).toMatchObject({
      tool_choice: 'any',
      messages: [
        { role: 'assistant', content: null, tool_calls: [{ id, type: 'function' }] },
        { role: 'tool', content: 'sunny', tool_call_id: id, name: 'get_weather' },
      ],
    });
  });
});
