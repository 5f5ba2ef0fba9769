import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../spec';
import { forcesToolUse, parseToolArguments, requestTools, toolNamesById, toolParameters } from './tools';

const tool = { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } };
const request = (extra: Partial<ChatRequest>): ChatRequest => ({ model: 'm', messages: [], ...extra });

describe('tool helpers', () => {
  it('treats an empty tools array as no tools', () => {
    expect(requestTools(request({ tools: [] }))).toBeUndefined();
    expect(requestTools(request({ tools: [tool] }))).toEqual([tool]);
  });

  it('says a choice forces tool use only for required or a named tool, with tools present', () => {
    expect(forcesToolUse(request({ tools: [tool], toolChoice: 'required' }))).toBe(true);
    expect(forcesToolUse(request({ tools: [tool], toolChoice: { name: 'get_weather' } }))).toBe(true);
    expect(forcesToolUse(request({ tools: [tool], toolChoice: 'auto' }))).toBe(false);
    expect(forcesToolUse(request({ tools: [tool], toolChoice: 'none' }))).toBe(false);
    expect(forcesToolUse(request({ toolChoice: 'required' }))).toBe(false);
  });

  it('defaults a missing schema to an empty object schema', () => {
    expect(toolParameters({ name: 'now' })).toEqual({ type: 'object', properties: {} });
    expect(toolParameters(tool)).toBe(tool.parameters);
  });

  it('parses arguments to an object, and anything else to {}', () => {
    expect(parseToolArguments('{"city":"Paris"}')).toEqual({ city: 'Paris' });
    expect(parseToolArguments('')).toEqual({});
    expect(parseToolArguments('{"city":')).toEqual({});
    expect(parseToolArguments('[1,2]')).toEqual({});
  });

  it('maps call ids to tool names across assistant turns', () => {
    const names = toolNamesById([
      { role: 'assistant', content: '', toolCalls: [{ id: 'a', name: 'one', arguments: '{}' }] },
      { role: 'tool', content: 'x', toolCallId: 'a' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'b', name: 'two', arguments: '{}' }] },
    ]);
    expect([...names]).toEqual([
      ['a', 'one'],
      ['b', 'two'],
    ]);
  });
});
