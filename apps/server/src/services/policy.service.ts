import type { ProviderId } from '@chatstudio/contract';
import { isProviderId } from './provider-id';
import type { PolicyInput } from '@chatstudio/contract';
import type { PolicyRepository, PolicyRow } from '../repositories/policy.repository';
import type { InvalidationBus } from './invalidation-bus';

/** An organisation's rules for model calls (spec §7). */
export interface OrgPolicy {
  /** null: every provider is approved. */
  approvedProviders: ProviderId[] | null;
  allowPersonalKeys: boolean;
  /** A provider listed here may only use these models; an absent provider is unrestricted. */
  allowedModels: Partial<Record<ProviderId, string[]>>;
  monthlyTokenBudget: number | null;
  memberMonthlyTokenBudget: number | null;
}

/** What applies to a user who belongs to no organisation, and to an org that never saved a policy. */
export const openPolicy: OrgPolicy = Object.freeze({
  approvedProviders: null,
  allowPersonalKeys: true,
  allowedModels: {},
  monthlyTokenBudget: null,
  memberMonthlyTokenBudget: null,
});

export function policyFromRow(row: PolicyRow): OrgPolicy {
  const approved: unknown = row.approved_providers === null ? null : JSON.parse(row.approved_providers);
  const allowed: unknown = JSON.parse(row.allowed_models);
  const allowedModels: Partial<Record<ProviderId, string[]>> = {};
  if (allowed && typeof allowed === 'object') {
    for (const [provider, models] of Object.entries(allowed)) {
      if (isProviderId(provider) && Array.isArray(models))
        allowedModels[provider] = models.filter((m) => typeof m === 'string');
    }
  }
  return {
    approvedProviders: Array.isArray(approved) ? approved.filter(isProviderId) : null,
    allowPersonalKeys: row.allow_personal_keys === 1,
    allowedModels,
    monthlyTokenBudget: row.monthly_token_budget,
    memberMonthlyTokenBudget: row.member_monthly_token_budget,
  };
}

export function isProviderApproved(policy: OrgPolicy, provider: ProviderId): boolean {
  return policy.approvedProviders === null || policy.approvedProviders.includes(provider);
}

export function isModelAllowed(policy: OrgPolicy, provider: ProviderId, model: string): boolean {
  const allowed = policy.allowedModels[provider];
  return allowed === undefined || allowed.length === 0 || allowed.includes(model);
}

/**
 * Reads org policies, with a short in-process cache: the gateway's hot path asks for the same policy
 * thousands of times a second. Writers call `invalidate` (and, with Redis, every instance hears it).
 */
export class PolicyService {
  private readonly cache = new Map<string, { policy: OrgPolicy; until: number }>();

  constructor(
    private readonly policies: PolicyRepository,
    private readonly bus: InvalidationBus,
    private readonly ttlMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {
    bus.subscribe('policy', (orgId) => this.cache.delete(orgId));
  }

  /** Writes an org's policy (null: the open default) and tells every instance to drop its copy. */
  async save(orgId: string, actorId: string, input: PolicyInput | null): Promise<OrgPolicy> {
    const policy: OrgPolicy = input
      ? {
          approvedProviders: input.approvedProviders ? [...new Set(input.approvedProviders)] : null,
          allowPersonalKeys: input.allowPersonalKeys,
          allowedModels: Object.fromEntries(
            Object.entries(input.allowedModels).filter(([, models]) => models.length > 0),
          ),
          monthlyTokenBudget: input.monthlyTokenBudget ?? null,
          memberMonthlyTokenBudget: input.memberMonthlyTokenBudget ?? null,
        }
      : openPolicy;
    await this.policies.upsert({
      org_id: orgId,
      approved_providers: policy.approvedProviders ? JSON.stringify(policy.approvedProviders) : null,
      allow_personal_keys: policy.allowPersonalKeys ? 1 : 0,
      allowed_models: JSON.stringify(policy.allowedModels),
      monthly_token_budget: policy.monthlyTokenBudget,
      member_monthly_token_budget: policy.memberMonthlyTokenBudget,
      updated_by: actorId,
      updated_at: this.now(),
    });
    this.cache.delete(orgId);
    await this.bus.publish('policy', orgId);
    return policy;
  }

  async forOrg(orgId: string | null): Promise<OrgPolicy> {
    if (orgId === null) return openPolicy;
    const cached = this.cache.get(orgId);
    if (cached && cached.until > this.now()) return cached.policy;
    const row = await this.policies.find(orgId);
    const policy = row ? policyFromRow(row) : openPolicy;
    this.cache.set(orgId, { policy, until: this.now() + this.ttlMs });
    return policy;
  }
}
