import type { CalibrationOverride, ModelInfo, ProviderId, ResolvedBy, TaskId } from '@chatstudio/contract';
import { AppError } from '../errors/app-error';
import type { CalibrationRepository, CalibrationRow } from '../repositories/calibration.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { ModelAccessService, ResolvedAccess } from './model-access.service';
import type { ModelCatalogService } from './model-catalog.service';
import { isModelAllowed } from './policy.service';
import type { Principal } from './principal';
import { providerNames } from './provider-names';

/** Per-task parameters the app applies when no override says otherwise. */
const taskDefaults: Partial<Record<TaskId, Omit<CalibrationOverride, 'model'>>> = {
  extract: { temperature: 0 },
  title: { temperature: 0.2, maxOutputTokens: 32 },
  summarize: { temperature: 0.2 },
};

export interface CallRequest {
  provider: ProviderId;
  task: TaskId;
  /** A model named explicitly by the caller. */
  model?: string | undefined;
  /** The conversation's current model, for non-chat tasks' `last_used` rule. */
  conversationModel?: { provider: string | null; model: string | null } | undefined;
}

export interface ResolvedCall {
  access: ResolvedAccess;
  task: TaskId;
  model: string;
  modelInfo: ModelInfo | undefined;
  resolvedBy: ResolvedBy;
  settings: Omit<CalibrationOverride, 'model'>;
}

/**
 * The one function every model call goes through (spec §4, §7): user → organisation policy →
 * credential (via ModelAccessService) → task → model. Chat, titles, summaries and the gateway all
 * call `resolve`; it reports `keyScope` and which rule chose the model (`resolvedBy`).
 */
export class CallResolver {
  constructor(
    private readonly access: ModelAccessService,
    private readonly catalog: ModelCatalogService,
    private readonly calibrations: CalibrationRepository,
    private readonly users: UserRepository,
  ) {}

  async resolve(principal: Principal, request: CallRequest): Promise<ResolvedCall> {
    const access = await this.access.resolve(principal, request.provider);
    const { models } = await this.catalog.listFor(access);
    const choice = await this.choose(principal, access, request, models);
    const modelInfo = models.find((model) => model.id === choice.model);
    if (!modelInfo) {
      throw new AppError(
        'bad_request',
        `model "${choice.model}" is not offered by ${providerNames[request.provider]}`,
        {
          details: { provider: request.provider, model: choice.model },
        },
      );
    }
    if (!isModelAllowed(access.policy, request.provider, choice.model)) {
      throw new AppError(
        'model_not_allowed',
        `your organisation does not allow ${choice.model} on ${providerNames[request.provider]}`,
        {
          details: { provider: request.provider, model: choice.model },
        },
      );
    }
    return {
      access,
      task: request.task,
      model: choice.model,
      modelInfo,
      resolvedBy: choice.resolvedBy,
      settings: { ...taskDefaults[request.task], ...choice.settings },
    };
  }

  /** Which rule would pick the model for (provider, task), without checking it further. */
  async choose(
    principal: Principal,
    access: ResolvedAccess,
    request: CallRequest,
    models: ModelInfo[],
  ): Promise<{ model: string; resolvedBy: ResolvedBy; settings: Omit<CalibrationOverride, 'model'> }> {
    if (request.model) return { model: request.model, resolvedBy: 'request', settings: {} };
    const user = await this.calibrations.find('user', principal.userId, request.provider, request.task);
    if (user) return { model: user.model, resolvedBy: 'user_calibration', settings: settingsOf(user) };
    const org = access.orgId
      ? await this.calibrations.find('org', access.orgId, request.provider, request.task)
      : undefined;
    if (org) return { model: org.model, resolvedBy: 'org_calibration', settings: settingsOf(org) };
    const lastUsed = await this.lastUsedModel(principal, request);
    if (lastUsed && models.some((model) => model.id === lastUsed))
      return { model: lastUsed, resolvedBy: 'last_used', settings: {} };
    const fallback = models.find((model) => isModelAllowed(access.policy, request.provider, model.id)) ?? models[0];
    if (!fallback) {
      throw new AppError('upstream_error', `${providerNames[request.provider]} offers no chat models for this key`, {
        details: { provider: request.provider },
      });
    }
    return { model: fallback.id, resolvedBy: 'provider_default', settings: {} };
  }

  private async lastUsedModel(principal: Principal, request: CallRequest): Promise<string | undefined> {
    if (request.task === 'chat') {
      const user = await this.users.findById(principal.userId);
      return user?.last_used_provider === request.provider ? (user.last_used_model ?? undefined) : undefined;
    }
    const current = request.conversationModel;
    return current?.provider === request.provider ? (current.model ?? undefined) : undefined;
  }
}

export function settingsOf(row: CalibrationRow): Omit<CalibrationOverride, 'model'> {
  return {
    ...(row.temperature !== null ? { temperature: row.temperature } : {}),
    ...(row.max_output_tokens !== null ? { maxOutputTokens: row.max_output_tokens } : {}),
    ...(row.reasoning_effort === 'low' || row.reasoning_effort === 'medium' || row.reasoning_effort === 'high'
      ? { reasoningEffort: row.reasoning_effort }
      : {}),
    ...(row.system_prompt !== null ? { systemPrompt: row.system_prompt } : {}),
  };
}
