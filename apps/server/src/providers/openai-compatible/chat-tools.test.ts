import { describe, expect, it } from 'vitest';
import type { JsonRecord } from '../shared/json';
import type { ChatRequest } from '../spec';
import { addChatTools, toChatToolChoice, toChatTools } from './chat-tools';

const weather = {
  name: 'get_weather',
  description: 'Current weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

describe('Chat Completions tools', () => {
  it('writes function tools, with an empty object schema when none is given', () => {
    expect(toChatTools([weather, { name: 'now' }])).toEqual([
      { type: 'function', function: weather },
      { type: 'function', function: { name: 'now', parameters: { type: 'object', properties: {} } } },
    ]);
  });

  it.each([
    ['auto', 'required', 'auto'],
    ['none', 'required', 'none'],
    ['required', 'required', 'required'],
    ['required', 'any', 'any'],
  ] as const)('tool choice %s (%s dialect) → %s', (choice, dialect, expected) => {
    expect(toChatToolChoice(choice, dialect)).toBe(expected);
  });

  it('names a forced tool as {type:function, function:{name}}', () => {
    expect(toChatToolChoice({ name: 'get_weather' }, 'any')).toEqual({
      type: 'function',
      function: { name: 'get_weather' },
    });
  });

  it('adds nothing without tools, even with a tool choice', () => {
    const request: ChatRequest = { model: 'm', messages: [], tools: [], toolChoice: 'required' };
    const body: JsonRecord = {};
    addChatTools(body, request, 'required');
    expect(body).toEqual({});
    addChatTools(body, { ...request, tools: [weather], toolChoice: undefined }, 'required');
    expect(Object.keys(body)).toEqual(['tools']);
  });
});
