import type { ProviderState } from '@chatstudio/contract';
import { describe, expect, it } from 'vitest';
import { initialSelection } from './initial-selection';

const base = { requiresKey: true, approved: true, credential: null, personalKeysAllowed: true } as const;
const credential = { id: 'c', scope: 'user' as const, hint: 'h', connectedBy: null, connectedAt: '2025-01-01' };
const providers: ProviderState[] = [
  { ...base, id: 'openai', name: 'OpenAI', approved: false, reason: 'not approved' },
  { ...base, id: 'anthropic', name: 'Anthropic' },
  { ...base, id: 'mistral', name: 'Mistral', credential },
];

describe('initialSelection', () => {
  it('restores the last-used provider and model', () => {
    expect(initialSelection(providers, { provider: 'anthropic', model: 'claude' })).toEqual({
      provider: 'anthropic',
      model: 'claude',
    });
  });
  it('skips a last-used provider that is no longer approved', () => {
    expect(initialSelection(providers, { provider: 'openai', model: 'gpt' })).toEqual({
      provider: 'mistral',
      model: null,
    });
  });
  it('falls back to the first ready provider, or nothing', () => {
    expect(initialSelection(providers, null)).toEqual({ provider: 'mistral', model: null });
    expect(initialSelection(providers.slice(0, 2), null)).toEqual({ provider: null, model: null });
  });
});
