import type { KeyScope, ProviderId } from '@chatstudio/contract';
import { open, type Keyring } from '../crypto';
import { AppError } from '../errors/app-error';
import type { ProviderRegistry } from '../providers/registry';
import type { ProviderAdapter, ProviderCredential } from '../providers/spec';
import type { CredentialRepository, CredentialRow } from '../repositories/credential.repository';
import type { Principal } from './principal';
import type { InvalidationBus } from './invalidation-bus';
import { isProviderApproved, type OrgPolicy, type PolicyService } from './policy.service';
import { providerNames } from './provider-names';
import { regionOf } from './regions';

/** A credential ready for one upstream call. The opened key lives only in this object, in memory. */
export interface ResolvedAccess {
  provider: ProviderId;
  adapter: ProviderAdapter;
  orgId: string | null;
  policy: OrgPolicy;
  keyScope: KeyScope;
  credentialId: string | null;
  /** Identifies this credential's version, for per-credential caches (changes when the key is replaced). */
  cacheKey: string;
  credential: ProviderCredential;
}

/**
 * The one chokepoint for reaching a provider (spec §7): user → organisation policy → credential.
 * Chat, titles, summaries, the gateway and model listing all come through `resolve`; nothing else
 * opens a sealed key. Model choice on top of this lives in `CallResolver`, which calls this first.
 */
export class ModelAccessService {
  /** Sealed rows (never opened keys) read in the last few seconds; see `credentialTopic`. */
  private readonly rows = new Map<string, { row: CredentialRow | undefined; until: number }>();

  constructor(
    private readonly registry: ProviderRegistry,
    private readonly credentials: CredentialRepository,
    private readonly policies: PolicyService,
    private readonly keyring: Keyring,
    bus: InvalidationBus,
    private readonly rowTtlMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {
    bus.subscribe(credentialTopic, (key) => this.rows.delete(key));
  }

  async resolve(principal: Principal, provider: ProviderId): Promise<ResolvedAccess> {
    const adapter = this.registry.get(provider);
    const orgId = principal.activeOrgId;
    const policy = await this.policies.forOrg(orgId);
    if (!isProviderApproved(policy, provider)) {
      throw new AppError('provider_not_approved', `${providerNames[provider]} is not approved by your organisation`, {
        details: { provider },
      });
    }
    const base = { provider, adapter, orgId, policy };
    if (!adapter.requiresKey) {
      return { ...base, keyScope: 'managed', credentialId: null, cacheKey: `${provider}:managed`, credential: {} };
    }
    const personal = policy.allowPersonalKeys ? await this.findRow('user', principal.userId, provider) : undefined;
    const row = personal ?? (orgId ? await this.findRow('org', orgId, provider) : undefined);
    if (!row) {
      throw new AppError('key_required', `connect a ${providerNames[provider]} key to use it`, {
        details: { provider },
      });
    }
    return {
      ...base,
      keyScope: row.scope,
      credentialId: row.id,
      cacheKey: credentialCacheKey(row),
      credential: { apiKey: this.open(row), ...(row.region ? { region: regionOf(row.region) } : {}) },
    };
  }

  /** The sealed row, cached briefly: the gateway resolves the same credential on every call. */
  private async findRow(
    scope: CredentialRow['scope'],
    ownerId: string,
    provider: ProviderId,
  ): Promise<CredentialRow | undefined> {
    const key = credentialKey(scope, ownerId, provider);
    const cached = this.rows.get(key);
    if (cached && cached.until > this.now()) return cached.row;
    const row = await this.credentials.find(scope, ownerId, provider);
    if (this.rows.size >= 10_000) this.rows.clear();
    this.rows.set(key, { row, until: this.now() + this.rowTtlMs });
    return row;
  }

  private open(row: CredentialRow): string {
    try {
      return open(
        this.keyring,
        { masterKeyId: row.master_key_id, wrappedKey: row.wrapped_key, ciphertext: row.ciphertext },
        { scope: row.scope, ownerId: row.owner_id, provider: row.provider },
      );
    } catch (error) {
      throw new AppError('internal', 'a stored key could not be opened; an operator must check the master keys', {
        cause: error,
      });
    }
  }
}

/** Bus topic: a credential was connected, replaced or removed; the key names which (`credentialKey`). */
export const credentialTopic = 'credential';

export function credentialKey(scope: string, ownerId: string, provider: string): string {
  return `${scope}:${ownerId}:${provider}`;
}

/** `provider:scope:owner:credential-id:updated-at` — a replaced key gets a new id, so caches never mix keys. */
export function credentialCacheKey(
  row: Pick<CredentialRow, 'provider' | 'scope' | 'owner_id' | 'id' | 'updated_at'>,
): string {
  return `${row.provider}:${row.scope}:${row.owner_id}:${row.id}:${row.updated_at}`;
}
