import type { ProviderState } from '@chatstudio/contract';
import { describe, expect, it } from 'vitest';
import { parseApiError } from '../../api/api-error';
import { connectKeyErrorMessage } from './key-errors';
import { providerReadiness, providerStatusLine } from './provider-status';

function provider(overrides: Partial<ProviderState> = {}): ProviderState {
  return {
    id: 'openai',
    name: 'OpenAI',
    requiresKey: true,
    approved: true,
    credential: null,
    personalKeysAllowed: true,
    ...overrides,
  };
}

const credential = {
  id: 'c1',
  scope: 'user' as const,
  hint: 'sk-…abcd',
  connectedBy: { id: 'u1', name: 'Ada' },
  connectedAt: '2025-01-01T00:00:00.000Z',
};

describe('providerReadiness', () => {
  it('checks approval first, then the key', () => {
    expect(providerReadiness(provider({ approved: false, reason: 'not on the list' }))).toEqual({
      kind: 'not_approved',
      reason: 'not on the list',
    });
    expect(providerReadiness(provider())).toEqual({ kind: 'needs_key' });
    expect(providerReadiness(provider({ personalKeysAllowed: false }))).toEqual({ kind: 'personal_keys_forbidden' });
    expect(providerReadiness(provider({ credential }))).toEqual({ kind: 'ready' });
  });

  it('treats Ollama by reachability', () => {
    const ollama = provider({ id: 'ollama', name: 'Ollama', requiresKey: false });
    expect(providerReadiness({ ...ollama, reachable: false })).toEqual({ kind: 'unreachable' });
    expect(providerReadiness({ ...ollama, reachable: true })).toEqual({ kind: 'ready' });
    expect(providerStatusLine({ ...ollama, reachable: true })).toBe('Managed by the operator');
  });

  it('describes the credential scope with its hint only', () => {
    expect(providerStatusLine(provider({ credential }))).toBe('Your key sk-…abcd');
    expect(providerStatusLine(provider({ credential: { ...credential, scope: 'org' } }))).toBe(
      'Organisation key sk-…abcd',
    );
  });
});

describe('connectKeyErrorMessage', () => {
  it('says the provider rejected the key on key_invalid', () => {
    const error = parseApiError(422, { error: { code: 'key_invalid', message: 'rejected' } });
    expect(connectKeyErrorMessage(error, 'OpenAI')).toMatch(/OpenAI rejected this key/);
  });

  it("says we couldn't reach the provider on provider_unavailable", () => {
    const error = parseApiError(502, { error: { code: 'provider_unavailable', message: 'down' } });
    expect(connectKeyErrorMessage(error, 'Mistral')).toMatch(/couldn't reach Mistral/);
  });

  it('handles unknown throwables', () => {
    expect(connectKeyErrorMessage(new Error('x'), 'OpenAI')).toBe('Something went wrong. Try again.');
  });
});
