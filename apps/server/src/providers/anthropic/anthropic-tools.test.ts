import { describe, expect, it } from 'vitest';
import type { JsonRecord } from '../shared/json';
import { addAnthropicTools, toAnthropicToolChoice } from './anthropic-tools';

describe('Anthropic tools', () => {
  it.each([
    ['auto', { type: 'auto' }],
    ['required', { type: 'any' }],
    ['none', { type: 'none' }],
    [{ name: 'get_weather' }, { type: 'tool', name: 'get_weather' }],
  ] as const)('tool choice %o → %o', (choice, expected) => {
    expect(toAnthropicToolChoice(choice)).toEqual(expected);
  });

  it('writes input_schema tools, and nothing without tools', () => {
    const body: JsonRecord = {};
    addAnthropicTools(body, { model: 'm', messages: [], tools: [], toolChoice: 'auto' });
    expect(body).toEqual({});
    addAnthropicTools(body, {
      model: 'm',
      messages: [],
      tools: [{ name: 'get_weather', description: 'Weather', parameters: { type: 'object' } }, { name: 'now' }],
    });
    expect(body).toEqual({
      tools: [
        { name: 'get_weather', description: 'Weather', input_schema: { type: 'object' } },
        { name: 'now', input_schema: { type: 'object', properties: {} } },
      ],
    });
  });
});
