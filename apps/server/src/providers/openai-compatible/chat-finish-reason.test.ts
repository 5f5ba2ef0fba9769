import { describe, expect, it } from 'vitest';
import { mapChatFinishReason } from './chat-finish-reason';

describe('mapChatFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['model_length', 'length'],
    ['content_filter', 'content_filter'],
    ['tool_calls', 'tool_calls'],
    ['function_call', 'tool_calls'],
    ['error', 'error'],
    ['something_new', 'other'],
  ] as const)('%s → %s', (reason, expected) => {
    expect(mapChatFinishReason(reason)).toBe(expected);
  });
});
