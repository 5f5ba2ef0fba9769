import { describe, expect, it } from 'vitest';
import { classifyDashscopeModel } from './dashscope-models';

describe('classifyDashscopeModel', () => {
  it.each([
    'text-embedding-v4',
    'qwen3-rerank',
    'qwen-image-max',
    'wanx2.1-t2i-turbo',
    'qwen-tts',
    'paraformer-realtime-v2',
    'cosyvoice-v2',
    'sambert-zhichu-v1',
    'qwen3-asr-flash',
  ])('drops non-chat model %s', (id) => {
    expect(classifyDashscopeModel(id)).toBeUndefined();
  });

  it('keeps chat models with family capabilities', () => {
    expect(classifyDashscopeModel('qwen-plus')).toEqual({ id: 'qwen-plus', name: 'qwen-plus', capabilities: [] });
    expect(classifyDashscopeModel('qwen-vl-max')?.capabilities).toEqual(['vision']);
    expect(classifyDashscopeModel('qwq-plus')?.capabilities).toEqual(['reasoning']);
    expect(classifyDashscopeModel('qwen3-coder-plus')?.capabilities).toEqual(['reasoning', 'code']);
  });
});
