import { lazy, Suspense } from 'react';
import type { ChatMessage } from './chat-message';
import { AnsweredBy } from './AnsweredBy';

const Markdown = lazy(() =>
  import('../../components/markdown/Markdown').then((module) => ({ default: module.Markdown })),
);

/** Plain text stands in while the Markdown renderer loads (it is text either way: nothing is executed). */
function PlainText({ text }: { text: string }) {
  return <div className="plain-text">{text}</div>;
}

export function MessageItem({ message, providerName }: { message: ChatMessage; providerName: string | null }) {
  if (message.role === 'user') {
    return (
      <li className="message message-user" data-testid="user-message">
        <div className="bubble">
          <PlainText text={message.content} />
        </div>
      </li>
    );
  }
  const waiting = message.status === 'streaming' && message.content === '';
  return (
    <li
      className={`message message-assistant status-${message.status}`}
      data-testid="assistant-message"
      data-status={message.status}
      data-message-id={message.id}
      aria-busy={message.status === 'streaming'}
    >
      {message.reasoning ? (
        <details className="reasoning">
          <summary>Reasoning</summary>
          <PlainText text={message.reasoning} />
        </details>
      ) : null}
      {waiting ? (
        <span className="typing" aria-label="Waiting for the reply" data-testid="reply-waiting">
          <span />
          <span />
          <span />
        </span>
      ) : (
        <Suspense fallback={<PlainText text={message.content} />}>
          <Markdown text={message.content} />
        </Suspense>
      )}
      {message.status !== 'streaming' || message.model ? (
        <AnsweredBy message={message} providerName={providerName} />
      ) : null}
    </li>
  );
}
