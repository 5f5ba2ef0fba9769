import type { ProviderState } from '@chatstudio/contract';

/**
 * What stands between the user and chatting with a provider, in the order the server checks it
 * (spec §7 key resolution): approval, then a usable key (or, for Ollama, a reachable managed host).
 */
export type ProviderReadiness =
  | { kind: 'ready' }
  | { kind: 'not_approved'; reason: string }
  | { kind: 'needs_key' }
  | { kind: 'personal_keys_forbidden' }
  | { kind: 'unreachable' };

export function providerReadiness(provider: ProviderState): ProviderReadiness {
  if (!provider.approved) {
    return { kind: 'not_approved', reason: provider.reason ?? 'not approved by your organisation' };
  }
  if (provider.requiresKey && provider.credential === null) {
    return provider.personalKeysAllowed ? { kind: 'needs_key' } : { kind: 'personal_keys_forbidden' };
  }
  if (provider.reachable === false) return { kind: 'unreachable' };
  return { kind: 'ready' };
}

/** One short line for the provider picker. */
export function providerStatusLine(provider: ProviderState): string {
  const readiness = providerReadiness(provider);
  switch (readiness.kind) {
    case 'not_approved':
      return readiness.reason;
    case 'needs_key':
      return 'Needs your API key';
    case 'personal_keys_forbidden':
      return 'No organisation key yet; ask an admin';
    case 'unreachable':
      return 'Host not reachable right now';
    case 'ready':
      if (!provider.credential) return provider.requiresKey ? 'Ready' : 'Managed by the operator';
      return provider.credential.scope === 'org'
        ? `Organisation key ${provider.credential.hint}`
        : `Your key ${provider.credential.hint}`;
  }
}
