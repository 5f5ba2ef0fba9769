import type { ReactNode } from 'react';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ChatMessage } from './chat-message';
import { MessageItem } from './MessageItem';

interface TranscriptProps {
  messages: ChatMessage[];
  streaming: boolean;
  providerName: (id: string | null) => string | null;
  empty: ReactNode;
}

/** Distance from the bottom within which the view keeps following a streaming reply. */
const FOLLOW_THRESHOLD_PX = 120;

export function Transcript({ messages, streaming, providerName, empty }: TranscriptProps) {
  const ref = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onScroll = () => {
      following.current = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_THRESHOLD_PX;
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, []);

  useLayoutEffect(() => {
    const element = ref.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [messages]);

  return (
    <div className="transcript" ref={ref} data-testid="transcript" role="log" aria-live="polite" aria-busy={streaming}>
      {messages.length === 0 ? (
        empty
      ) : (
        <ol className="messages">
          {messages.map((message) => (
            <MessageItem key={message.key} message={message} providerName={providerName(message.provider)} />
          ))}
        </ol>
      )}
    </div>
  );
}
