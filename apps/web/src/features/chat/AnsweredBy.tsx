import type { ChatMessage } from './chat-message';
import { keyScopeLabel, resolvedByLabel } from './labels';

/** Under each reply, quietly: which model answered, why it was chosen, whose key paid, and the outcome. */
export function AnsweredBy({ message, providerName }: { message: ChatMessage; providerName: string | null }) {
  const parts: string[] = [];
  if (message.model) parts.push(providerName ? `${message.model} · ${providerName}` : message.model);
  if (message.resolvedBy) parts.push(`chosen: ${resolvedByLabel(message.resolvedBy, message.task)}`);
  if (message.keyScope) parts.push(keyScopeLabel(message.keyScope));
  if (message.usage) parts.push(`${message.usage.inputTokens} → ${message.usage.outputTokens} tokens`);

  return (
    <div className="answered-by" data-testid="answered-by">
      {parts.length > 0 ? <span>{parts.join(' · ')}</span> : null}
      {message.status === 'partial' ? (
        <span className="status status-partial" data-testid="message-status" data-status="partial">
          partial{message.finishReason === 'stopped' || message.error === null ? ' — stopped' : ''}
        </span>
      ) : null}
      {message.status === 'error' ? (
        <span className="status status-error" data-testid="message-status" data-status="error">
          failed
        </span>
      ) : null}
      {message.error ? (
        <span className="status-detail" data-testid="message-error">
          {message.error.message}
        </span>
      ) : null}
      {message.finishReason === 'length' ? <span className="status-detail">cut off at the length limit</span> : null}
    </div>
  );
}
