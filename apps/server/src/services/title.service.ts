import type { Logger } from 'pino';
import type { ConversationRepository, ConversationRow } from '../repositories/conversation.repository';
import type { OneShotService } from './one-shot.service';
import type { Principal } from './principal';
import { asProviderId } from './provider-id';

const TITLE_TIMEOUT_MS = 60_000;
const MAX_TITLE_CHARS = 80;

/**
 * Names a conversation after its first exchange with the `title` task, in the background: the
 * reply never waits for it, and a failure leaves the conversation untitled (logged, not surfaced).
 */
export class TitleService {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly oneShot: OneShotService,
    private readonly conversations: ConversationRepository,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  nameInBackground(principal: Principal, conversation: ConversationRow, question: string, answer: string): void {
    const work = this.name(principal, conversation, question, answer)
      .catch((error: unknown) =>
        this.logger.warn({ conversationId: conversation.id, error: String(error) }, 'title generation failed'),
      )
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Lets shutdown (and tests) wait for titles in flight. */
  async settle(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async name(
    principal: Principal,
    conversation: ConversationRow,
    question: string,
    answer: string,
  ): Promise<void> {
    const current = await this.conversations.find(principal.userId, conversation.id);
    if (!current?.provider || current.title !== null) return;
    const title = await this.oneShot.complete(
      principal,
      { provider: asProviderId(current.provider), task: 'title', conversationModel: current },
      () => [
        {
          role: 'system',
          content: 'Give this conversation a short title of at most six words. Answer with the title only, no quotes.',
        },
        { role: 'user', content: `User: ${question.slice(0, 2000)}\n\nAssistant: ${answer.slice(0, 2000)}` },
      ],
      AbortSignal.timeout(TITLE_TIMEOUT_MS),
    );
    const cleaned = title
      .replace(/^["'\s]+|["'\s.]+$/g, '')
      .replace(/\s+/g, ' ')
      .slice(0, MAX_TITLE_CHARS);
    if (cleaned) await this.conversations.setTitleIfEmpty(principal.userId, conversation.id, cleaned);
  }
}
