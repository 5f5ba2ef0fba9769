import type { ProviderId, ProviderState } from '@chatstudio/contract';
import { dashscopeRegions } from '@chatstudio/contract';
import type { ProviderRegistry } from '../providers/registry';
import type { CredentialRepository } from '../repositories/credential.repository';
import type { CredentialService } from './credential.service';
import { isProviderApproved, type PolicyService } from './policy.service';
import type { Principal } from './principal';

const REACHABILITY_TTL_MS = 15_000;
const REACHABILITY_TIMEOUT_MS = 2_000;

/** Every provider with its state for one caller (`GET /api/providers`). */
export class ProviderService {
  private reachability: { reachable: boolean; until: number } | undefined;

  constructor(
    private readonly registry: ProviderRegistry,
    private readonly credentials: CredentialRepository,
    private readonly credentialService: CredentialService,
    private readonly policies: PolicyService,
    private readonly now: () => number = Date.now,
  ) {}

  async list(principal: Principal): Promise<ProviderState[]> {
    const policy = await this.policies.forOrg(principal.activeOrgId);
    const personal = await this.credentials.listForOwner('user', principal.userId);
    const org = principal.activeOrgId ? await this.credentials.listForOwner('org', principal.activeOrgId) : [];
    return Promise.all(
      this.registry.all().map(async (adapter): Promise<ProviderState> => {
        const approved = isProviderApproved(policy, adapter.id);
        const usable =
          (policy.allowPersonalKeys ? personal.find((row) => row.provider === adapter.id) : undefined) ??
          org.find((row) => row.provider === adapter.id);
        return {
          id: adapter.id,
          name: adapter.name,
          requiresKey: adapter.requiresKey,
          ...(adapter.id === 'dashscope' ? { regions: [...dashscopeRegions] } : {}),
          approved,
          ...(approved ? {} : { reason: `${adapter.name} is not approved by your organisation` }),
          credential: usable ? await this.credentialService.summarize(usable) : null,
          personalKeysAllowed: policy.allowPersonalKeys,
          ...(adapter.requiresKey ? {} : { reachable: await this.managedHostReachable(adapter.id) }),
        };
      }),
    );
  }

  private async managedHostReachable(provider: ProviderId): Promise<boolean> {
    if (this.reachability && this.reachability.until > this.now()) return this.reachability.reachable;
    const reachable = await this.registry
      .get(provider)
      .validateKey({}, AbortSignal.timeout(REACHABILITY_TIMEOUT_MS))
      .then(
        () => true,
        () => false,
      );
    this.reachability = { reachable, until: this.now() + REACHABILITY_TTL_MS };
    return reachable;
  }
}
