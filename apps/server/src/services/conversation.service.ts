import type { ConversationSummary, ConversationView, MessageView } from '@chatstudio/contract';
import { newId } from '../crypto';
import { AppError } from '../errors/app-error';
import type { ConversationRepository, ConversationRow, MessageRow } from '../repositories/conversation.repository';
import type { Principal } from './principal';

/** Conversations belong to one user: anyone else gets 404, never 403, so ids reveal nothing. */
export class ConversationService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly now: () => number = Date.now,
  ) {}

  async create(principal: Principal, title: string | undefined): Promise<ConversationView> {
    const now = this.now();
    const row: ConversationRow = {
      id: newId(),
      user_id: principal.userId,
      org_id: principal.activeOrgId,
      title: title ?? null,
      provider: null,
      model: null,
      summary: null,
      summary_through: null,
      created_at: now,
      updated_at: now,
    };
    await this.conversations.insert(row);
    return { ...summaryOf(row), messages: [] };
  }

  async list(principal: Principal): Promise<ConversationSummary[]> {
    return (await this.conversations.list(principal.userId, 200)).map(summaryOf);
  }

  async get(principal: Principal, conversationId: string): Promise<ConversationView> {
    const row = await this.require(principal, conversationId);
    const messages = await this.conversations.messages(principal.userId, conversationId);
    return { ...summaryOf(row), messages: messages.map(messageView) };
  }

  /** Renames a conversation the caller was already checked to own (see `require`). */
  async rename(principal: Principal, conversation: ConversationRow, title: string): Promise<ConversationSummary> {
    const updatedAt = this.now();
    await this.conversations.update(principal.userId, conversation.id, { title, updated_at: updatedAt });
    return summaryOf({ ...conversation, title, updated_at: updatedAt });
  }

  async remove(principal: Principal, conversationId: string): Promise<void> {
    if (!(await this.conversations.delete(principal.userId, conversationId)))
      throw new AppError('not_found', 'conversation not found');
  }

  async require(principal: Principal, conversationId: string): Promise<ConversationRow> {
    const row = await this.conversations.find(principal.userId, conversationId);
    if (!row) throw new AppError('not_found', 'conversation not found');
    return row;
  }
}

function summaryOf(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    provider: row.provider,
    model: row.model,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function messageView(row: MessageRow): MessageView {
  return {
    id: row.id,
    role: row.role,
    content: row.content,
    reasoning: row.reasoning,
    provider: row.provider,
    model: row.model,
    task: row.task,
    status: row.status,
    resolvedBy: row.resolved_by,
    keyScope: row.key_scope,
    errorCode: row.error_code,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    timeToFirstTokenMs: row.ttft_ms,
    durationMs: row.duration_ms,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
