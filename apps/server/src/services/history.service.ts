import type { ModelInfo } from '@chatstudio/contract';
import type { ChatMessage } from '../providers/spec';
import type { ConversationRepository, ConversationRow, MessageRow } from '../repositories/conversation.repository';
import type { OneShotService } from './one-shot.service';
import type { Principal } from './principal';
import { asProviderId } from './provider-id';
import { estimateTokens } from './usage.service';

/** Tokens kept free for the reply when the model's output limit is unknown. */
const DEFAULT_REPLY_RESERVE = 1024;
const PER_MESSAGE_OVERHEAD = 4;

const summarizeInstruction =
  'Summarize the conversation so far for your own later reference. Keep facts, names, numbers, decisions and open questions. Be concise.';

export interface HistoryContext {
  principal: Principal;
  conversation: ConversationRow;
  /** Earlier messages, oldest first, not including the new user message. */
  earlier: MessageRow[];
  newContent: string;
  provider: string;
  model: ModelInfo | undefined;
  maxOutputTokens: number | undefined;
  systemPrompt: string | undefined;
  signal: AbortSignal;
}

/**
 * Builds the prompt for a turn. When history no longer fits the model's context window, older
 * turns are condensed by the `summarize` task and the summary is kept on the conversation, so the
 * next turn starts from it instead of condensing again (spec §4).
 */
export class HistoryService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly oneShot: OneShotService,
  ) {}

  async build(context: HistoryContext): Promise<ChatMessage[]> {
    const system: ChatMessage[] = context.systemPrompt ? [{ role: 'system', content: context.systemPrompt }] : [];
    const newMessage: ChatMessage = { role: 'user', content: context.newContent };
    let summary = context.conversation.summary;
    let turns = toTurns(context.earlier.filter((m) => m.seq > (context.conversation.summary_through ?? 0)));
    const window = context.model?.contextWindow;
    if (window === undefined)
      return [...system, ...summaryMessage(summary), ...turns.map((t) => t.message), newMessage];

    const budget = window - (context.maxOutputTokens ?? DEFAULT_REPLY_RESERVE);
    const fixed = tokensOf([...system, newMessage, ...summaryMessage(summary)]);
    if (fixed + tokensOf(turns.map((t) => t.message)) > budget && turns.length > 0) {
      // Keep the newest turns that fit in half of what is left; condense the rest.
      const keep: typeof turns = [];
      let kept = 0;
      for (const turn of [...turns].reverse()) {
        const cost = tokensOf([turn.message]);
        if (kept + cost > (budget - fixed) / 2) break;
        keep.unshift(turn);
        kept += cost;
      }
      const condensed = turns.slice(0, turns.length - keep.length);
      const lastCondensed = condensed.at(-1);
      if (lastCondensed) {
        summary = await this.summarize(
          context,
          summary,
          condensed.map((t) => t.message),
        );
        await this.conversations.update(context.principal.userId, context.conversation.id, {
          summary,
          summary_through: lastCondensed.seq,
        });
      }
      turns = keep;
    }
    return [...system, ...summaryMessage(summary), ...turns.map((t) => t.message), newMessage];
  }

  private summarize(context: HistoryContext, previous: string | null, messages: ChatMessage[]): Promise<string> {
    const transcript = messages.map((m) => `${m.role}: ${m.content}`).join('\n\n');
    return this.oneShot.complete(
      context.principal,
      { provider: asProviderId(context.provider), task: 'summarize', conversationModel: context.conversation },
      () => [
        { role: 'system', content: summarizeInstruction },
        {
          role: 'user',
          content: previous ? `Earlier summary:\n${previous}\n\nLater conversation:\n${transcript}` : transcript,
        },
      ],
      context.signal,
    );
  }
}

function toTurns(rows: MessageRow[]): { seq: number; message: ChatMessage }[] {
  return rows
    .filter((row) => row.content.length > 0 && (row.role === 'user' || row.role === 'assistant'))
    .map((row) => ({ seq: row.seq, message: { role: row.role, content: row.content } }));
}

function summaryMessage(summary: string | null): ChatMessage[] {
  return summary ? [{ role: 'system', content: `Summary of the earlier conversation:\n${summary}` }] : [];
}

function tokensOf(messages: ChatMessage[]): number {
  return messages.reduce((total, message) => total + estimateTokens(message.content) + PER_MESSAGE_OVERHEAD, 0);
}
