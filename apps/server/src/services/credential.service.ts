import type { ConnectKeyRequest, CredentialSummary, ProviderId } from '@chatstudio/contract';
import { newId, seal, type Keyring } from '../crypto';
import { AppError } from '../errors/app-error';
import type { ProviderRegistry } from '../providers/registry';
import type { CredentialRepository, CredentialRow, CredentialScope } from '../repositories/credential.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { AuditService } from './audit.service';
import type { ModelCatalogService } from './model-catalog.service';
import type { InvalidationBus } from './invalidation-bus';
import { credentialCacheKey, credentialKey, credentialTopic } from './model-access.service';
import { appErrorFromProvider } from './provider-errors';
import { isProviderApproved, type PolicyService } from './policy.service';
import type { Principal } from './principal';
import { providerNames } from './provider-names';

/** How long we wait for a provider to answer a key check before calling it unreachable. */
const VALIDATION_TIMEOUT_MS = 15_000;

export interface CredentialOwner {
  scope: CredentialScope;
  ownerId: string;
  /** The organisation the change is audited under. */
  orgId: string | null;
  actorId: string;
}

/**
 * Connects, replaces and removes provider keys (spec §3 steps 3–4). A key is checked with the
 * provider first and sealed before it touches storage; when the provider rejects it or cannot be
 * reached, nothing is stored.
 */
export class CredentialService {
  constructor(
    private readonly registry: ProviderRegistry,
    private readonly credentials: CredentialRepository,
    private readonly users: UserRepository,
    private readonly catalog: ModelCatalogService,
    private readonly audit: AuditService,
    private readonly keyring: Keyring,
    private readonly policies: PolicyService,
    private readonly bus: InvalidationBus,
    private readonly now: () => number = Date.now,
  ) {}

  /** The caller's own key, if their organisation approves the provider and allows personal keys. */
  async connectPersonal(principal: Principal, provider: ProviderId, input: ConnectKeyRequest) {
    const policy = await this.policies.forOrg(principal.activeOrgId);
    if (!isProviderApproved(policy, provider)) {
      throw new AppError('provider_not_approved', `${providerNames[provider]} is not approved by your organisation`, {
        details: { provider },
      });
    }
    if (!policy.allowPersonalKeys) {
      throw new AppError('forbidden', 'your organisation does not allow personal keys; it provides its own', {
        details: { provider, reason: 'personal_keys_disabled' },
      });
    }
    return this.connect(this.personalOwner(principal), provider, input);
  }

  async removePersonal(principal: Principal, provider: ProviderId): Promise<void> {
    await this.remove(this.personalOwner(principal), provider);
  }

  private personalOwner(principal: Principal): CredentialOwner {
    return { scope: 'user', ownerId: principal.userId, orgId: principal.activeOrgId, actorId: principal.userId };
  }

  async connect(
    owner: CredentialOwner,
    provider: ProviderId,
    input: ConnectKeyRequest,
  ): Promise<{ credential: CredentialSummary; modelCount: number }> {
    const adapter = this.registry.get(provider);
    if (!adapter.requiresKey) {
      throw new AppError('bad_request', `${providerNames[provider]} is managed by the operator and takes no key`);
    }
    if (provider === 'dashscope' && !input.region) {
      throw new AppError('bad_request', 'region: DashScope keys belong to a region; choose intl, cn or us');
    }
    if (provider !== 'dashscope' && input.region) {
      throw new AppError('bad_request', `region: ${providerNames[provider]} keys have no region`);
    }
    const credential = { apiKey: input.apiKey, ...(input.region ? { region: input.region } : {}) };
    let models;
    try {
      models = await adapter.validateKey(credential, AbortSignal.timeout(VALIDATION_TIMEOUT_MS));
    } catch (error) {
      throw appErrorFromProvider(error, 'validate');
    }

    const previous = await this.credentials.find(owner.scope, owner.ownerId, provider);
    const sealed = seal(this.keyring, input.apiKey, { scope: owner.scope, ownerId: owner.ownerId, provider });
    const now = this.now();
    const row: CredentialRow = {
      id: newId(),
      scope: owner.scope,
      owner_id: owner.ownerId,
      provider,
      region: input.region ?? null,
      hint: keyHint(input.apiKey),
      master_key_id: sealed.masterKeyId,
      wrapped_key: sealed.wrappedKey,
      ciphertext: sealed.ciphertext,
      created_by: owner.actorId,
      created_at: now,
      updated_at: now,
    };
    await this.credentials.upsert(row);
    await this.bus.publish(credentialTopic, credentialKey(owner.scope, owner.ownerId, provider));
    if (previous) await this.catalog.forget(credentialCacheKey(previous));
    await this.catalog.remember(credentialCacheKey(row), provider, models);
    await this.audit.record({
      orgId: owner.orgId,
      actorId: owner.actorId,
      action: previous ? 'key.rotated' : 'key.connected',
      target: `${owner.scope}:${owner.ownerId}:${provider}`,
      diff: { hint: row.hint, region: row.region, ...(previous ? { previousHint: previous.hint } : {}) },
    });
    return { credential: await this.summarize(row), modelCount: models.length };
  }

  async remove(owner: CredentialOwner, provider: ProviderId): Promise<void> {
    const previous = await this.credentials.find(owner.scope, owner.ownerId, provider);
    if (!previous || !(await this.credentials.delete(owner.scope, owner.ownerId, provider))) {
      throw new AppError('not_found', `no ${providerNames[provider]} key is connected`);
    }
    await this.bus.publish(credentialTopic, credentialKey(owner.scope, owner.ownerId, provider));
    await this.catalog.forget(credentialCacheKey(previous));
    await this.audit.record({
      orgId: owner.orgId,
      actorId: owner.actorId,
      action: 'key.removed',
      target: `${owner.scope}:${owner.ownerId}:${provider}`,
      diff: { hint: previous.hint },
    });
  }

  /** What the UI may show of a credential: never the key, only its hint, who and when. */
  async summarize(row: CredentialRow): Promise<CredentialSummary> {
    const connectedBy = row.created_by ? await this.users.findById(row.created_by) : undefined;
    return {
      id: row.id,
      scope: row.scope,
      hint: row.hint,
      connectedBy: connectedBy ? { id: connectedBy.id, name: connectedBy.name } : null,
      connectedAt: new Date(row.created_at).toISOString(),
      ...(row.region === 'intl' || row.region === 'cn' || row.region === 'us' ? { region: row.region } : {}),
    };
  }
}

/** `sk-…abcd`: the key's vendor prefix (if any) and last four characters — enough to recognise it. */
export function keyHint(apiKey: string): string {
  const prefix = /^[A-Za-z]{2,4}-/.exec(apiKey)?.[0] ?? '';
  return `${prefix}…${apiKey.slice(-4)}`;
}
