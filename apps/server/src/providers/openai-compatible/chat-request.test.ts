import { describe, expect, it } from 'vitest';
import { baseChatBody } from './chat-request';

describe('baseChatBody', () => {
  it('sends only what is set', () => {
    expect(baseChatBody({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
  });

  it('passes system messages, temperature and stop through', () => {
    const body = baseChatBody({
      model: 'm',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hi' },
      ],
      temperature: 0,
      stop: ['END'],
    });
    expect(body).toMatchObject({ temperature: 0, stop: ['END'] });
    expect(body['messages']).toHaveLength(2);
  });

  it('sends tools, the tool choice and tool history only when the request has tools', () => {
    const body = baseChatBody(
      {
        model: 'm',
        messages: [
          { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'f', arguments: '{}' }] },
          { role: 'tool', content: 'ok', toolCallId: 'c1' },
        ],
        tools: [{ name: 'f' }],
        toolChoice: 'required',
      },
      { requiredToolChoice: 'any' },
    );
    expect(body).toMatchObject({
      tools: [{ type: 'function', function: { name: 'f' } }],
      tool_choice: 'any',
      messages: [
        { role: 'assistant', content: null },
        { role: 'tool', tool_call_id: 'c1' },
      ],
    });
    expect(baseChatBody({ model: 'm', messages: [], toolChoice: 'auto' })).not.toHaveProperty('tool_choice');
  });
});
