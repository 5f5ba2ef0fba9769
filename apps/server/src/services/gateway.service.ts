import { providerIds, taskIdSchema, type ProviderId, type TaskId } from '@chatstudio/contract';
import { newId } from '../crypto';
import { AppError } from '../errors/app-error';
import type { ChatRequest, FinishReason, ToolCall } from '../providers/spec';
import { withBoundedOutput } from './bounded-output';
import type { BudgetService, Reservation } from './budget.service';
import type { CallResolver, ResolvedCall } from './call-resolver';
import { requestOptions, toChatMessages, type GatewayRequest } from './gateway-request';
import type { ModelAccessService } from './model-access.service';
import type { ModelCatalogService } from './model-catalog.service';
import { isModelAllowed } from './policy.service';
import type { Principal } from './principal';
import { chatRequestFor, withSystemPrompt } from './call-request';
import { appErrorFromStreamFailure } from './provider-errors';
import { isProviderId } from './provider-id';
import { runUpstreamStream, type StreamOutcome, type StreamPolicy } from './upstream-stream';
import { estimateTokens, type UsageService } from './usage.service';

export interface GatewayCall {
  principal: Principal;
  call: ResolvedCall;
  request: ChatRequest;
  reservation: Reservation;
  /** `<provider>/<model>` as the client should see it. */
  publicModel: string;
  id: string;
  created: number;
  startedAt: number;
}

export interface GatewayHandlers {
  onText(text: string): void;
  onToolCall(part: { index: number; id?: string; name?: string; argumentsDelta: string }): void;
}

export interface GatewayResult {
  finishReason: FinishReason | 'stopped';
  usage: { inputTokens: number; outputTokens: number };
  error: AppError | undefined;
}

/**
 * The OpenAI-compatible gateway (spec §6): the same chokepoint, policy, budgets and usage records
 * as the chat UI, for tools built on the `openai` client. `model` is `<provider>/<id>` or just
 * `<provider>`, which resolves through calibration for the task in `X-ChatStudio-Task`.
 */
export class GatewayService {
  constructor(
    private readonly access: ModelAccessService,
    private readonly catalog: ModelCatalogService,
    private readonly resolver: CallResolver,
    private readonly budgets: BudgetService,
    private readonly usage: UsageService,
    private readonly policy: StreamPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every model the caller may use right now, as `<provider>/<id>`; unusable providers are left out. */
  async models(principal: Principal) {
    const data: { id: string; object: 'model'; created: number; owned_by: string }[] = [];
    for (const provider of providerIds) {
      try {
        const access = await this.access.resolve(principal, provider);
        const { models, fetchedAt } = await this.catalog.listFor(access);
        for (const model of models) {
          if (isModelAllowed(access.policy, provider, model.id)) {
            data.push({
              id: `${provider}/${model.id}`,
              object: 'model',
              created: Math.floor(fetchedAt / 1000),
              owned_by: provider,
            });
          }
        }
      } catch {
        // Not approved, no key, or unreachable: the model list is what the caller can use now.
      }
    }
    return { object: 'list' as const, data };
  }

  async prepare(principal: Principal, body: GatewayRequest, taskHeader: string | undefined): Promise<GatewayCall> {
    const { provider, model } = parseModelName(body.model);
    const task = parseTask(taskHeader);
    let call: ResolvedCall;
    try {
      call = withBoundedOutput(await this.resolver.resolve(principal, { provider, task, model }));
    } catch (error) {
      if (error instanceof AppError && error.code === 'bad_request' && error.details?.model !== undefined) {
        throw new AppError('not_found', `The model \`${body.model}\` does not exist or you do not have access to it.`, {
          details: { param: 'model' },
        });
      }
      throw error;
    }
    const options = requestOptions(body);
    const messages = toChatMessages(body.messages);
    // The caller's explicit sampling and tool fields win over the task's calibration.
    const request: ChatRequest = { ...chatRequestFor(call, withSystemPrompt(call, messages)), ...options };
    const reservation = await this.budgets.reserve({
      userId: principal.userId,
      orgId: call.access.orgId,
      policy: call.access.policy,
      amount:
        estimateTokens(messages.reduce((text, message) => text + message.content, '')) + (request.maxOutputTokens ?? 0),
    });
    const now = this.now();
    return {
      principal,
      call,
      request,
      reservation,
      publicModel: `${provider}/${call.model}`,
      id: `chatcmpl-${newId().replaceAll('-', '')}`,
      created: Math.floor(now / 1000),
      startedAt: now,
    };
  }

  /** Runs the call, feeding deltas to `handlers`; records usage and settles the budget. Never throws. */
  async run(prepared: GatewayCall, signal: AbortSignal, handlers: GatewayHandlers): Promise<GatewayResult> {
    const { call } = prepared;
    let text = '';
    let outcome: StreamOutcome | undefined;
    let error: AppError | undefined;
    try {
      outcome = await runUpstreamStream(
        call.access.adapter,
        prepared.request,
        call.access.credential,
        signal,
        this.policy,
        {
          onText: (delta) => {
            text += delta;
            handlers.onText(delta);
          },
          onReasoning: () => undefined,
          onToolCall: (part) => {
            text += part.argumentsDelta;
            handlers.onToolCall(part);
          },
        },
      );
      if (outcome.end.kind === 'failed') error = appErrorFromStreamFailure(outcome.end.error, call.access.provider);
    } catch (cause) {
      error = new AppError('internal', 'something went wrong on our side', { cause });
    }
    const usage = outcome?.usage ?? {
      inputTokens: estimateTokens(prepared.request.messages.reduce((all, message) => all + message.content, '')),
      outputTokens: estimateTokens(text),
    };
    await this.budgets.settle(prepared.reservation, usage.inputTokens + usage.outputTokens);
    const end = outcome?.end;
    await this.usage.record({
      userId: prepared.principal.userId,
      orgId: call.access.orgId,
      provider: call.access.provider,
      model: call.model,
      task: call.task,
      keyScope: call.access.keyScope,
      source: 'gateway',
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      timeToFirstTokenMs: outcome?.timeToFirstTokenMs ?? null,
      durationMs: this.now() - prepared.startedAt,
      outcome: error ? 'error' : end?.kind === 'finished' ? 'complete' : 'client_closed',
      errorCode: error?.code,
    });
    return { finishReason: end?.kind === 'finished' ? end.finishReason : 'stopped', usage, error };
  }
}

/** `anthropic/claude-…` → provider + model; `mistral` alone → provider, model from calibration. */
export function parseModelName(name: string): { provider: ProviderId; model: string | undefined } {
  const slash = name.indexOf('/');
  const provider = slash < 0 ? name : name.slice(0, slash);
  const model = slash < 0 ? undefined : name.slice(slash + 1);
  if (!isProviderId(provider) || model === '') {
    throw new AppError(
      'not_found',
      `The model \`${name}\` does not exist: use <provider>/<model>, e.g. openai/gpt-4o-mini, or a provider alone.`,
      {
        details: { param: 'model' },
      },
    );
  }
  return { provider, model };
}

function parseTask(header: string | undefined): TaskId {
  if (header === undefined || header === '') return 'chat';
  const parsed = taskIdSchema.safeParse(header.trim().toLowerCase());
  if (!parsed.success) throw new AppError('bad_request', `X-ChatStudio-Task: unknown task "${header.slice(0, 40)}"`);
  return parsed.data;
}

/** Accumulates streamed tool-call pieces into whole calls, for non-streaming answers. */
export function collectToolCalls(): {
  add(part: { index: number; id?: string; name?: string; argumentsDelta: string }): void;
  calls(): ToolCall[];
} {
  const byIndex = new Map<number, ToolCall>();
  return {
    add(part) {
      const call = byIndex.get(part.index) ?? {
        id: part.id ?? `call_${part.index}`,
        name: part.name ?? '',
        arguments: '',
      };
      if (part.id) call.id = part.id;
      if (part.name) call.name = part.name;
      call.arguments += part.argumentsDelta;
      byIndex.set(part.index, call);
    },
    calls: () => [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, call]) => call),
  };
}
