import type { ConnectKeyResponse, ProviderState } from '@chatstudio/contract';
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../../api/api-error';
import { EmptyState } from '../../components/EmptyState';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { useSession } from '../auth/session-context';
import { useConversations } from '../conversations/ConversationsContext';
import { ConnectKeyDialog } from '../providers/ConnectKeyDialog';
import { ModelPicker } from '../providers/ModelPicker';
import { providerReadiness } from '../providers/provider-status';
import { ProviderPicker } from '../providers/ProviderPicker';
import { useProviders } from '../providers/ProvidersContext';
import { useModels } from '../providers/useModels';
import { chatErrorAction } from './chat-errors';
import type { ChatMessage } from './chat-message';
import { Composer } from './Composer';
import { modeLabels } from './labels';
import { ModeSelector } from './ModeSelector';
import { ProviderNotices } from './ProviderNotices';
import { modelForRequest } from './request-model';
import { Transcript } from './Transcript';
import { useChatCalibration } from './useChatCalibration';
import { useChatSelection } from './useChatSelection';
import { useConversation } from './useConversation';

interface ChatViewProps {
  conversationId: string | null;
  onOpenConversation: (id: string) => void;
}

/** The chat flow of spec §3: provider → (connect key) → model → mode → message, streamed. */
export function ChatView({ conversationId, onOpenConversation }: ChatViewProps) {
  const { me } = useSession();
  const providers = useProviders();
  const conversations = useConversations();
  const selection = useChatSelection(me.lastUsed, providers.providers);
  const provider = providers.find(selection.providerId);
  const readiness = provider ? providerReadiness(provider).kind : null;
  const usable = readiness === 'ready' || readiness === 'unreachable';
  const models = useModels(usable && provider ? provider.id : null, provider?.credential?.id ?? 'none');
  const calibration = useChatCalibration(usable && provider ? provider.id : null);
  const [connecting, setConnecting] = useState<ProviderState | null>(null);
  const [notice, setNotice] = useState<{ tone: 'error' | 'warning' | 'success'; text: string } | null>(null);
  const [draft, setDraft] = useState('');

  const { adopt } = selection;
  const onLoaded = useCallback(
    (messages: ChatMessage[]) => {
      const last = [...messages].reverse().find((message) => message.role === 'assistant' && message.provider);
      if (last?.provider) adopt(last.provider, last.model);
    },
    [adopt],
  );
  const conversation = useConversation(conversationId, {
    onCreated: (id) => {
      onOpenConversation(id);
      void conversations.reload();
    },
    onReplyEnded: conversations.reloadForTitle,
    onLoaded,
  });

  useEffect(() => setNotice(null), [conversationId, selection.providerId]);

  // A remembered model the provider (or the org's allowlist) no longer offers is not preselected.
  const { dropUnavailable } = selection;
  useEffect(() => {
    if (models.data) dropUnavailable(models.data.models.map((model) => model.id));
  }, [models.data, dropUnavailable]);

  const onSelectProvider = (next: ProviderState) => {
    selection.selectProvider(next);
    if (providerReadiness(next).kind === 'needs_key') setConnecting(next);
  };

  const onConnected = (target: ProviderState, response: ConnectKeyResponse) => {
    providers.update(target.id, (item) => ({ ...item, credential: response.credential }));
    setConnecting(null);
    setNotice({ tone: 'success', text: `${target.name} connected: ${response.modelCount} models available.` });
    if (selection.providerId !== target.id) selection.selectProvider({ ...target, credential: response.credential });
  };

  const send = async () => {
    const content = draft.trim();
    if (!content || !provider) return;
    setDraft('');
    setNotice(null);
    try {
      await conversation.send({
        content,
        provider: provider.id,
        model: modelForRequest(selection.mode, selection.model, calibration),
        task: selection.mode,
      });
    } catch (error) {
      setDraft(content);
      const action = chatErrorAction(error);
      if (action.kind === 'connect') {
        const target = providers.find(action.provider ?? provider.id) ?? provider;
        if (target.personalKeysAllowed) setConnecting(target);
        setNotice({ tone: 'warning', text: action.message });
      } else setNotice({ tone: action.tone, text: action.message });
    }
  };

  const blockedReason = !provider
    ? 'Choose a provider first'
    : readiness === 'needs_key'
      ? `Connect your ${provider.name} key to chat`
      : readiness === 'not_approved' || readiness === 'personal_keys_forbidden'
        ? `${provider.name} can't be used`
        : null;
  const routed = selection.mode !== 'chat' ? calibration?.tasks[selection.mode] : undefined;
  const hint =
    routed?.effective && (routed.user || routed.org)
      ? `${modeLabels[selection.mode].label} mode uses ${routed.user ? 'your' : "your organisation's"} calibration: ${routed.effective.model}`
      : null;

  return (
    <section className="chat" aria-label="Chat">
      <div className="chat-toolbar" data-testid="chat-toolbar">
        <ProviderPicker
          providers={providers.providers}
          loading={providers.loading}
          selectedId={selection.providerId}
          onSelect={onSelectProvider}
        />
        <ModelPicker
          models={models}
          selectedModel={selection.model}
          onSelect={selection.selectModel}
          disabled={!usable}
        />
        <ModeSelector mode={selection.mode} onChange={selection.setMode} disabled={conversation.streaming} />
      </div>
      <div className="chat-notices">
        {providers.error ? <Notice tone="error">Couldn't load providers: {providers.error}</Notice> : null}
        <ProviderNotices
          provider={provider}
          modelsError={models.error}
          onConnect={() => provider && setConnecting(provider)}
          onRetryModels={models.refresh}
        />
        {notice ? (
          <Notice tone={notice.tone} testId="chat-notice">
            {notice.text}
          </Notice>
        ) : null}
        {conversation.loadError ? (
          <Notice tone="error">Couldn't open this conversation: {describeError(conversation.loadError)}</Notice>
        ) : null}
      </div>
      <Transcript
        messages={conversation.messages}
        streaming={conversation.streaming}
        providerName={(id) => providers.find(id)?.name ?? id}
        empty={
          conversation.loading ? (
            <Spinner label="Loading conversation…" />
          ) : (
            <EmptyState title="Start a conversation" testId="transcript-empty">
              {provider ? `Ask ${provider.name} anything.` : 'Choose a provider above, then type a message.'}
            </EmptyState>
          )
        }
      />
      <Composer
        value={draft}
        onChange={setDraft}
        onSend={() => void send()}
        onStop={conversation.stop}
        streaming={conversation.streaming}
        blockedReason={blockedReason}
        hint={hint}
      />
      {connecting ? (
        <ConnectKeyDialog
          provider={connecting}
          onClose={() => setConnecting(null)}
          onConnected={(response) => onConnected(connecting, response)}
        />
      ) : null}
    </section>
  );
}
