import type { ProviderId, SendMessageRequest, StreamEvent, TaskId } from '@chatstudio/contract';
import { newId } from '../crypto';
import { AppError } from '../errors/app-error';
import type { ConversationRepository, ConversationRow, MessageRow } from '../repositories/conversation.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { ActiveStreams } from './active-streams';
import { withBoundedOutput } from './bounded-output';
import type { BudgetService, Reservation } from './budget.service';
import type { CallResolver, ResolvedCall } from './call-resolver';
import type { HistoryService } from './history.service';
import type { Principal } from './principal';
import { isProviderId } from './provider-id';
import { chatRequestFor } from './call-request';
import { appErrorFromStreamFailure } from './provider-errors';
import type { TitleService } from './title.service';
import { runUpstreamStream, type StreamOutcome, type StreamPolicy } from './upstream-stream';
import { estimateTokens, type UsageOutcome, type UsageService } from './usage.service';

/** Where a streaming reply goes: the HTTP layer's SSE writer. */
export interface ChatSink {
  send(event: StreamEvent): void;
  keepAlive(): void;
}

export interface ChatSettings {
  maxMessageChars: number;
  keepAliveMs: number;
  stream: StreamPolicy;
}

/** A turn that passed every check: the user message and the reply placeholder are stored. */
export interface PreparedTurn {
  principal: Principal;
  conversation: ConversationRow;
  earlier: MessageRow[];
  content: string;
  call: ResolvedCall;
  assistant: MessageRow;
  controller: AbortController;
  reservation: Reservation;
  /** Frees the conversation for the next message. */
  release(): void;
}

/** Replies older than this still marked `streaming` belong to a crashed instance, not a live stream. */
const STREAMING_CLAIM_MS = 15 * 60_000;

/**
 * One chat turn (spec §3 step 8, §6 message stream): checks, resolves the model through the one
 * chokepoint, stores both messages, streams the reply as it arrives, keeps whatever arrived when
 * stopped or cut, records usage, and names the conversation after its first exchange.
 */
export class ChatService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly users: UserRepository,
    private readonly resolver: CallResolver,
    private readonly history: HistoryService,
    private readonly titles: TitleService,
    private readonly usage: UsageService,
    private readonly active: ActiveStreams,
    private readonly budgets: BudgetService,
    private readonly settings: ChatSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Everything that can fail with a plain JSON error happens here, before the stream starts.
   * `conversation` is one the caller was already checked to own.
   */
  async prepare(principal: Principal, conversation: ConversationRow, input: SendMessageRequest): Promise<PreparedTurn> {
    if (input.content.length > this.settings.maxMessageChars) {
      throw new AppError('payload_too_large', `a message may be at most ${this.settings.maxMessageChars} characters`);
    }
    const conversationId = conversation.id;
    const provider = await this.providerFor(principal, conversation, input.provider);
    const task: TaskId = input.task ?? 'chat';

    const busy = () => new AppError('conflict', 'a reply is still streaming in this conversation; stop it or wait');
    if (await this.conversations.findStreaming(principal.userId, conversationId, this.now() - STREAMING_CLAIM_MS))
      throw busy();
    const controller = this.active.claim(conversationId);
    if (!controller) throw busy();
    try {
      const resolved = await this.resolver.resolve(principal, {
        provider,
        task,
        model: input.model,
        conversationModel: conversation,
      });
      const earlier = await this.conversations.messages(principal.userId, conversationId);
      const call = withBoundedOutput(resolved);
      const reservation = await this.budgets.reserve({
        userId: principal.userId,
        orgId: call.access.orgId,
        policy: call.access.policy,
        amount:
          estimateTokens(input.content + earlier.map((m) => m.content).join('')) + (call.settings.maxOutputTokens ?? 0),
      });
      try {
        const assistant = await this.storeTurn(principal, conversationId, input.content, provider, task, call);
        this.active.bindMessage(conversationId, assistant.id);
        return {
          principal,
          conversation,
          earlier,
          content: input.content,
          call,
          assistant,
          controller,
          reservation,
          release: () => this.active.release(conversationId),
        };
      } catch (error) {
        await this.budgets.release(reservation);
        throw error;
      }
    } catch (error) {
      this.active.release(conversationId);
      throw error;
    }
  }

  /** Stores the user's message and the reply placeholder, and remembers the choice as last used. */
  private async storeTurn(
    principal: Principal,
    conversationId: string,
    content: string,
    provider: ProviderId,
    task: TaskId,
    call: ResolvedCall,
  ): Promise<MessageRow> {
    const now = this.now();
    const base = {
      conversation_id: conversationId,
      user_id: principal.userId,
      provider,
      model: call.model,
      task,
      reasoning: null,
      error_code: null,
      input_tokens: null,
      output_tokens: null,
      ttft_ms: null,
      duration_ms: null,
      created_at: now,
    };
    const [, assistant] = await this.conversations.appendMessages(conversationId, [
      { ...base, id: newId(), role: 'user', content, status: 'complete', resolved_by: null, key_scope: null },
      {
        ...base,
        id: newId(),
        role: 'assistant',
        content: '',
        status: 'streaming',
        resolved_by: call.resolvedBy,
        key_scope: call.access.keyScope,
      },
    ]);
    if (!assistant) throw new Error('assistant message was not stored');
    await this.users.updateLastUsed(principal.userId, provider, call.model, now);
    await this.conversations.update(principal.userId, conversationId, { provider, model: call.model, updated_at: now });
    return assistant;
  }

  /** Streams the reply into `sink`. Never throws: every failure after the start is an `error` event. */
  async run(turn: PreparedTurn, sink: ChatSink): Promise<void> {
    const { call, assistant, principal } = turn;
    const startedAt = this.now();
    let text = '';
    let reasoning = '';
    const keepAlive = setInterval(() => sink.keepAlive(), this.settings.keepAliveMs);
    let outcome: StreamOutcome | undefined;
    let failure: AppError | undefined;
    try {
      sink.send({
        event: 'start',
        data: {
          messageId: assistant.id,
          provider: call.access.provider,
          model: call.model,
          task: call.task,
          keyScope: call.access.keyScope,
          resolvedBy: call.resolvedBy,
        },
      });
      const messages = await this.history.build({
        principal,
        conversation: turn.conversation,
        earlier: turn.earlier,
        newContent: turn.content,
        provider: call.access.provider,
        model: call.modelInfo,
        maxOutputTokens: call.settings.maxOutputTokens,
        systemPrompt: call.settings.systemPrompt,
        signal: turn.controller.signal,
      });
      outcome = await runUpstreamStream(
        call.access.adapter,
        chatRequestFor(call, messages),
        call.access.credential,
        turn.controller.signal,
        this.settings.stream,
        {
          onText: (delta) => {
            text += delta;
            sink.send({ event: 'delta', data: { text: delta } });
          },
          onReasoning: (delta) => {
            reasoning += delta;
            sink.send({ event: 'reasoning', data: { text: delta } });
          },
        },
      );
      if (outcome.end.kind === 'failed') failure = appErrorFromStreamFailure(outcome.end.error, call.access.provider);
    } catch (error) {
      failure =
        error instanceof AppError
          ? error
          : new AppError('internal', 'something went wrong on our side', { cause: error });
    } finally {
      clearInterval(keepAlive);
    }

    const end = outcome?.end;
    const stoppedBy = turn.controller.signal.aborted ? String(turn.controller.signal.reason) : undefined;
    const status =
      end?.kind === 'finished'
        ? 'complete'
        : text.length > 0 || reasoning.length > 0
          ? 'partial'
          : stoppedBy
            ? 'partial'
            : 'error';
    const usage = outcome?.usage ?? { inputTokens: 0, outputTokens: estimateTokens(text + reasoning) };
    const durationMs = this.now() - startedAt;
    await this.conversations.updateMessage(principal.userId, assistant.id, {
      content: text,
      reasoning: reasoning || null,
      status,
      error_code: failure?.code ?? null,
      input_tokens: usage.inputTokens,
      output_tokens: usage.outputTokens,
      ttft_ms: outcome?.timeToFirstTokenMs ?? null,
      duration_ms: durationMs,
    });
    turn.release();
    await this.budgets.settle(turn.reservation, usage.inputTokens + usage.outputTokens);
    const usageOutcome: UsageOutcome = failure
      ? 'error'
      : end?.kind === 'finished'
        ? 'complete'
        : stoppedBy === 'stopped'
          ? 'stopped'
          : 'client_closed';
    await this.usage.record({
      userId: principal.userId,
      orgId: call.access.orgId,
      provider: call.access.provider,
      model: call.model,
      task: call.task,
      keyScope: call.access.keyScope,
      source: 'chat',
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      timeToFirstTokenMs: outcome?.timeToFirstTokenMs ?? null,
      durationMs,
      outcome: usageOutcome,
      errorCode: failure?.code,
    });

    if (failure) {
      sink.send({ event: 'error', data: { code: failure.code, message: failure.message } });
      return;
    }
    sink.send({ event: 'usage', data: usage });
    sink.send({
      event: 'done',
      data: { messageId: assistant.id, finishReason: end?.kind === 'finished' ? end.finishReason : 'stopped' },
    });
    // The first reply that completes names the conversation (an earlier stopped or failed one did not).
    if (end?.kind === 'finished' && turn.conversation.title === null) {
      this.titles.nameInBackground(principal, turn.conversation, turn.content, text);
    }
  }

  /** Stops a streaming reply of the caller's; 404 for anyone else's message. */
  async stop(
    principal: Principal,
    conversationId: string,
    messageId: string,
  ): Promise<{ stopped: boolean; status: string }> {
    const message = await this.conversations.findMessage(principal.userId, messageId);
    if (!message || message.conversation_id !== conversationId) throw new AppError('not_found', 'message not found');
    return { stopped: this.active.stop(messageId), status: message.status };
  }

  private async providerFor(
    principal: Principal,
    conversation: ConversationRow,
    requested: ProviderId | undefined,
  ): Promise<ProviderId> {
    const candidate =
      requested ?? conversation.provider ?? (await this.users.findById(principal.userId))?.last_used_provider;
    if (isProviderId(candidate)) return candidate;
    throw new AppError('bad_request', 'provider: choose a provider for this conversation');
  }
}
