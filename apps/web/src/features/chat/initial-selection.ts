import type { ProviderState } from '@chatstudio/contract';
import { providerReadiness } from '../providers/provider-status';

/** A provider the picker lets the user choose (not disabled). */
export function isSelectable(provider: ProviderState): boolean {
  const kind = providerReadiness(provider).kind;
  return kind !== 'not_approved' && kind !== 'personal_keys_forbidden';
}

/**
 * Where a fresh page starts (spec §3 step 6): the server-side last-used provider and model if that
 * provider can still be chosen, else the first provider that is ready to chat, else nothing.
 */
export function initialSelection(
  providers: readonly ProviderState[],
  lastUsed: { provider: string; model: string } | null,
): { provider: string | null; model: string | null } {
  const last = lastUsed ? providers.find((provider) => provider.id === lastUsed.provider) : undefined;
  if (last && lastUsed && isSelectable(last)) return { provider: last.id, model: lastUsed.model };
  const ready = providers.find((provider) => providerReadiness(provider).kind === 'ready');
  return { provider: ready?.id ?? null, model: null };
}
