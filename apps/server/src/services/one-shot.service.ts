import type { TaskId } from '@chatstudio/contract';
import { AppError } from '../errors/app-error';
import type { ChatMessage } from '../providers/spec';
import { withBoundedOutput } from './bounded-output';
import type { BudgetService } from './budget.service';
import type { CallRequest, CallResolver, ResolvedCall } from './call-resolver';
import type { Principal } from './principal';
import { chatRequestFor, withSystemPrompt } from './call-request';
import { appErrorFromStreamFailure } from './provider-errors';
import { runUpstreamStream, type StreamPolicy } from './upstream-stream';
import { estimateTokens, type UsageService } from './usage.service';

/**
 * The app's own short calls (titles, summaries): resolved through the same chokepoint as chat,
 * run to completion, and recorded as usage like any other call.
 */
export class OneShotService {
  constructor(
    private readonly resolver: CallResolver,
    private readonly usage: UsageService,
    private readonly budgets: BudgetService,
    private readonly policy: StreamPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  async complete(
    principal: Principal,
    request: CallRequest & { task: TaskId },
    build: (call: ResolvedCall) => ChatMessage[],
    signal: AbortSignal,
  ): Promise<string> {
    const call = withBoundedOutput(await this.resolver.resolve(principal, request));
    const messages = build(call);
    const reservation = await this.budgets.reserve({
      userId: principal.userId,
      orgId: call.access.orgId,
      policy: call.access.policy,
      amount: estimateTokens(messages.map((m) => m.content).join('')) + (call.settings.maxOutputTokens ?? 0),
    });
    const startedAt = this.now();
    let text = '';
    const outcome = await runUpstreamStream(
      call.access.adapter,
      chatRequestFor(call, withSystemPrompt(call, messages)),
      call.access.credential,
      signal,
      this.policy,
      { onText: (delta) => (text += delta), onReasoning: () => undefined },
    );
    const inputTokens = outcome.usage?.inputTokens ?? estimateTokens(messages.map((m) => m.content).join('\n'));
    const outputTokens = outcome.usage?.outputTokens ?? estimateTokens(text);
    await this.budgets.settle(reservation, inputTokens + outputTokens);
    await this.usage.record({
      userId: principal.userId,
      orgId: call.access.orgId,
      provider: call.access.provider,
      model: call.model,
      task: call.task,
      keyScope: call.access.keyScope,
      source: call.task === 'title' ? 'title' : 'summarize',
      inputTokens,
      outputTokens,
      timeToFirstTokenMs: outcome.timeToFirstTokenMs ?? null,
      durationMs: this.now() - startedAt,
      outcome: outcome.end.kind === 'finished' ? 'complete' : outcome.end.kind === 'aborted' ? 'stopped' : 'error',
    });
    if (outcome.end.kind === 'failed') throw appErrorFromStreamFailure(outcome.end.error, call.access.provider);
    if (outcome.end.kind === 'aborted') throw new AppError('conflict', 'the call was cancelled');
    return text.trim();
  }
}
