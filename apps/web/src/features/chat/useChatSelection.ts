import type { MeResponse, ProviderState } from '@chatstudio/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMode } from '../../api/types';
import { authApi } from '../auth/auth.api';
import { initialSelection, isSelectable } from './initial-selection';

/**
 * Provider, model and mode of the chat view. Starts at the server's `lastUsed` (so a new browser lands
 * where the user left off) and saves every explicit model pick back to it.
 */
export function useChatSelection(lastUsed: MeResponse['lastUsed'], providers: readonly ProviderState[]) {
  const [providerId, setProviderId] = useState<string | null>(null);
  const [model, setModel] = useState<string | null>(null);
  const [mode, setMode] = useState<ChatMode>('chat');
  const lastUsedRef = useRef(lastUsed);
  const initialized = useRef(false);

  useEffect(() => {
    if (initialized.current || providers.length === 0) return;
    initialized.current = true;
    const initial = initialSelection(providers, lastUsedRef.current);
    setProviderId(initial.provider);
    setModel(initial.model);
  }, [providers]);

  const selectProvider = useCallback((provider: ProviderState) => {
    initialized.current = true;
    setProviderId(provider.id);
    const last = lastUsedRef.current;
    setModel(last?.provider === provider.id ? last.model : null);
  }, []);

  const selectModel = useCallback(
    (next: string | null) => {
      setModel(next);
      if (next === null || providerId === null) return;
      lastUsedRef.current = { provider: providerId, model: next };
      authApi.setLastUsed({ provider: providerId, model: next }).catch(() => undefined);
    },
    [providerId],
  );

  /** Follows an opened conversation's last reply, without touching the saved last-used choice. */
  const adopt = useCallback(
    (provider: string, nextModel: string | null) => {
      const state = providers.find((item) => item.id === provider);
      if (!state || !isSelectable(state)) return;
      initialized.current = true;
      setProviderId(provider);
      setModel(nextModel);
    },
    [providers],
  );

  /** Forgets a selected model the provider no longer offers (e.g. the org's allowlist changed). */
  const dropUnavailable = useCallback((offered: readonly string[]) => {
    setModel((current) => (current !== null && !offered.includes(current) ? null : current));
  }, []);

  return { providerId, model, mode, setMode, selectProvider, selectModel, adopt, dropUnavailable };
}
