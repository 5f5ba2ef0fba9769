import {
  taskIds,
  type CalibrationOverride,
  type CalibrationView,
  type ProviderId,
  type TaskCalibration,
  type TaskId,
} from '@chatstudio/contract';
import { newId } from '../crypto';
import { AppError } from '../errors/app-error';
import type { CalibrationRepository, CalibrationRow, CalibrationScope } from '../repositories/calibration.repository';
import type { AuditService } from './audit.service';
import { settingsOf, type CallResolver } from './call-resolver';
import type { ModelAccessService } from './model-access.service';
import type { ModelCatalogService } from './model-catalog.service';
import { isModelAllowed } from './policy.service';
import type { Principal } from './principal';
import { providerNames } from './provider-names';

export interface CalibrationOwner {
  scope: CalibrationScope;
  ownerId: string;
  orgId: string | null;
  actorId: string;
}

/** Per-provider, per-task overrides (spec §4), saved by users and org admins. */
export class CalibrationService {
  constructor(
    private readonly calibrations: CalibrationRepository,
    private readonly access: ModelAccessService,
    private readonly catalog: ModelCatalogService,
    private readonly resolver: CallResolver,
    private readonly audit: AuditService,
    private readonly now: () => number = Date.now,
  ) {}

  /** Each task's user and org override and the effective model with the rule that chose it. */
  async view(principal: Principal, provider: ProviderId): Promise<CalibrationView> {
    const userRows = await this.calibrations.listFor('user', principal.userId, provider);
    const orgRows = principal.activeOrgId
      ? await this.calibrations.listFor('org', principal.activeOrgId, provider)
      : [];
    let access;
    let models;
    let problem: string | undefined;
    try {
      access = await this.access.resolve(principal, provider);
      models = (await this.catalog.listFor(access)).models;
    } catch (error) {
      problem = error instanceof AppError ? error.message : 'the provider could not be reached';
    }
    const tasks = {} as Record<TaskId, TaskCalibration>;
    for (const task of taskIds) {
      const user = userRows.find((row) => row.task === task);
      const org = orgRows.find((row) => row.task === task);
      const effective =
        access && models ? await this.resolver.choose(principal, access, { provider, task }, models) : undefined;
      tasks[task] = {
        ...(user ? { user: overrideOf(user) } : {}),
        ...(org ? { org: overrideOf(org) } : {}),
        effective: effective ? { model: effective.model, resolvedBy: effective.resolvedBy } : null,
        ...(problem ? { problem } : {}),
      };
    }
    return { provider, tasks };
  }

  /** Saves an override after checking the model against the provider's list and the org's policy. */
  async save(
    principal: Principal,
    owner: CalibrationOwner,
    provider: ProviderId,
    task: TaskId,
    override: CalibrationOverride,
  ): Promise<CalibrationOverride> {
    const access = await this.access.resolve(principal, provider);
    const { models } = await this.catalog.listFor(access);
    if (!models.some((model) => model.id === override.model)) {
      throw new AppError('bad_request', `model "${override.model}" is not offered by ${providerNames[provider]}`, {
        details: { provider, model: override.model },
      });
    }
    if (!isModelAllowed(access.policy, provider, override.model)) {
      throw new AppError(
        'model_not_allowed',
        `your organisation does not allow ${override.model} on ${providerNames[provider]}`,
        {
          details: { provider, model: override.model },
        },
      );
    }
    const row: CalibrationRow = {
      id: newId(),
      scope: owner.scope,
      owner_id: owner.ownerId,
      provider,
      task,
      model: override.model,
      temperature: override.temperature ?? null,
      max_output_tokens: override.maxOutputTokens ?? null,
      reasoning_effort: override.reasoningEffort ?? null,
      system_prompt: override.systemPrompt ?? null,
      updated_by: owner.actorId,
      updated_at: this.now(),
    };
    await this.calibrations.upsert(row);
    await this.audit.record({
      orgId: owner.orgId,
      actorId: owner.actorId,
      action: 'calibration.saved',
      target: `${owner.scope}:${owner.ownerId}:${provider}:${task}`,
      diff: {
        ...override,
        systemPrompt: override.systemPrompt === undefined ? undefined : `${override.systemPrompt.length} chars`,
      },
    });
    return overrideOf(row);
  }

  async remove(owner: CalibrationOwner, provider: ProviderId, task: TaskId): Promise<void> {
    if (!(await this.calibrations.delete(owner.scope, owner.ownerId, provider, task))) {
      throw new AppError('not_found', `no ${task} override is saved for ${providerNames[provider]}`);
    }
    await this.audit.record({
      orgId: owner.orgId,
      actorId: owner.actorId,
      action: 'calibration.removed',
      target: `${owner.scope}:${owner.ownerId}:${provider}:${task}`,
    });
  }
}

function overrideOf(row: CalibrationRow): CalibrationOverride {
  return { model: row.model, ...settingsOf(row) };
}
