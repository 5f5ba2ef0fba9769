import { describe, expect, it } from 'vitest';
import { toMistralModels } from './mistral-models';

const card = (
  id: string,
  name: string,
  aliases: string[],
  capabilities: Record<string, boolean>,
  context = 131072,
) => ({
  id,
  object: 'model',
  owned_by: 'mistralai',
  name,
  aliases,
  capabilities,
  max_context_length: context,
  type: 'base',
});

const chat = { completion_chat: true, function_calling: true, vision: false };

describe('toMistralModels', () => {
  it('collapses alias entries into one model under the -latest id', () => {
    const models = toMistralModels([
      card('ministral-3b-2410', 'ministral-3b-2410', ['ministral-3b-latest'], chat),
      card('ministral-3b-latest', 'ministral-3b-2410', ['ministral-3b-2410'], chat),
    ]);
    expect(models).toEqual([
      { id: 'ministral-3b-latest', name: 'ministral-3b-latest', capabilities: ['tools'], contextWindow: 131072 },
    ]);
  });

  it('groups by the alias graph even when names are missing', () => {
    const models = toMistralModels([
      { id: 'a-2501', aliases: ['a-latest'], capabilities: chat },
      { id: 'a-latest', aliases: [], capabilities: chat },
    ]);
    expect(models.map((model) => model.id)).toEqual(['a-latest']);
  });

  it('drops non-chat models and maps capability flags', () => {
    const models = toMistralModels([
      card('mistral-embed', 'mistral-embed', [], { completion_chat: false }, 8192),
      card('mistral-ocr-2505', 'mistral-ocr-2505', [], { completion_chat: false, ocr: true, vision: true }),
      card('pixtral-large-2411', 'pixtral-large-2411', [], {
        completion_chat: true,
        vision: true,
        function_calling: true,
      }),
      card('magistral-medium-2509', 'magistral-medium-2509', [], { completion_chat: true, reasoning: true }),
      card('codestral-2508', 'codestral-2508', [], { completion_chat: true, completion_fim: true }, 256000),
    ]);
    expect(models).toEqual([
      {
        id: 'pixtral-large-2411',
        name: 'pixtral-large-2411',
        capabilities: ['vision', 'tools'],
        contextWindow: 131072,
      },
      {
        id: 'magistral-medium-2509',
        name: 'magistral-medium-2509',
        capabilities: ['reasoning'],
        contextWindow: 131072,
      },
      { id: 'codestral-2508', name: 'codestral-2508', capabilities: ['code'], contextWindow: 256000 },
    ]);
  });

  it('treats missing capability flags as false (SDK default)', () => {
    expect(toMistralModels([{ id: 'x', capabilities: {} }, { id: 'y' }])).toEqual([]);
  });
});
