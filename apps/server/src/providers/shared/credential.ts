import type { ProviderId } from '@chatstudio/contract';
import { ProviderError, type ProviderCredential } from '../spec';
import { genericMessage } from './upstream-error';

/**
 * The key a keyed provider needs. A missing key is reported as `auth` before any network call,
 * so a misconfigured caller never sends an unauthenticated request upstream.
 */
export function requireApiKey(provider: ProviderId, credential: ProviderCredential): string {
  if (credential.apiKey) return credential.apiKey;
  throw new ProviderError({
    kind: 'auth',
    provider,
    message: genericMessage(provider, 'auth'),
    upstreamMessage: 'no API key was supplied',
  });
}
