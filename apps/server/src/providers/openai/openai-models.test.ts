import { describe, expect, it } from 'vitest';
import { classifyOpenAiModel, isOpenAiReasoningModel } from './openai-models';

describe('classifyOpenAiModel', () => {
  it.each([
    'text-embedding-3-small',
    'text-embedding-ada-002',
    'tts-1-hd',
    'gpt-4o-mini-tts',
    'whisper-1',
    'gpt-4o-transcribe',
    'dall-e-3',
    'gpt-image-1',
    'omni-moderation-latest',
    'text-moderation-stable',
    'babbage-002',
    'davinci-002',
    'gpt-3.5-turbo-instruct',
    'gpt-realtime',
    'gpt-4o-realtime-preview',
    'gpt-4o-audio-preview',
    'sora-2',
  ])('drops non-chat model %s', (id) => {
    expect(classifyOpenAiModel(id)).toBeUndefined();
  });

  it('keeps chat models with id-derived capabilities', () => {
    expect(classifyOpenAiModel('gpt-4o-mini')).toEqual({
      id: 'gpt-4o-mini',
      name: 'gpt-4o-mini',
      capabilities: ['vision', 'tools', 'json'],
    });
    expect(classifyOpenAiModel('o3-mini')?.capabilities).toEqual(['tools', 'json', 'reasoning']);
    expect(classifyOpenAiModel('gpt-5')?.capabilities).toContain('reasoning');
    expect(classifyOpenAiModel('gpt-3.5-turbo')?.capabilities).toEqual(['tools', 'json']);
  });

  it('judges fine-tunes by their base model', () => {
    expect(classifyOpenAiModel('ft:gpt-4o-mini-2024-07-18:my-org::abc123')?.capabilities).toContain('vision');
    expect(classifyOpenAiModel('ft:babbage-002:my-org::x')).toBeUndefined();
  });
});

describe('isOpenAiReasoningModel', () => {
  it('is true for o-series and gpt-5 only', () => {
    expect(isOpenAiReasoningModel('o4-mini')).toBe(true);
    expect(isOpenAiReasoningModel('gpt-5-mini')).toBe(true);
    expect(isOpenAiReasoningModel('gpt-4.1')).toBe(false);
  });
});
