import type {
  CalibrationOverride,
  ConnectKeyRequest,
  CredentialSummary,
  ModelListResponse,
  PolicyInput,
  PolicyView,
  ProviderId,
  TaskId,
} from '@chatstudio/contract';
import { AppError } from '../errors/app-error';
import type { AuditRepository, AuditRow } from '../repositories/audit.repository';
import type { CredentialRepository } from '../repositories/credential.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { AuditService } from './audit.service';
import type { CalibrationService } from './calibration.service';
import type { CredentialService } from './credential.service';
import type { ModelAccessService } from './model-access.service';
import type { ModelCatalogService } from './model-catalog.service';
import type { OrgAccess } from './org-access';
import type { PolicyService } from './policy.service';
import type { Principal } from './principal';
import { asProviderId } from './provider-id';

export interface ConnectionView extends CredentialSummary {
  provider: string;
  owner: { kind: 'org' } | { kind: 'member'; userId: string; name: string; email: string };
}

export interface AuditView {
  seq: number;
  id: string;
  action: string;
  target: string;
  actor: { id: string; name: string } | null;
  diff: unknown;
  createdAt: string;
}

/**
 * What org owners and admins control (spec §7): policy, org keys, org calibration, who is
 * connected to what, and the audit log. Every method checks the caller's role in that org first.
 */
export class GovernanceService {
  constructor(
    private readonly orgAccess: OrgAccess,
    private readonly policies: PolicyService,
    private readonly credentials: CredentialRepository,
    private readonly credentialService: CredentialService,
    private readonly calibration: CalibrationService,
    private readonly users: UserRepository,
    private readonly auditLog: AuditRepository,
    private readonly audit: AuditService,
    private readonly access: ModelAccessService,
    private readonly catalog: ModelCatalogService,
  ) {}

  async policy(principal: Principal, orgId: string): Promise<PolicyView> {
    await this.orgAccess.require(principal, orgId, 'member');
    return this.policies.forOrg(orgId);
  }

  async updatePolicy(principal: Principal, orgId: string, input: PolicyInput): Promise<PolicyView> {
    await this.orgAccess.require(principal, orgId, 'admin');
    const before = await this.policies.forOrg(orgId);
    const after = await this.policies.save(orgId, principal.userId, input);
    await this.audit.record({
      orgId,
      actorId: principal.userId,
      action: 'policy.changed',
      target: `org:${orgId}`,
      diff: changes(before, after),
    });
    return after;
  }

  async connectOrgKey(principal: Principal, orgId: string, provider: ProviderId, input: ConnectKeyRequest) {
    await this.orgAccess.require(principal, orgId, 'admin');
    return this.credentialService.connect(
      { scope: 'org', ownerId: orgId, orgId, actorId: principal.userId },
      provider,
      input,
    );
  }

  async removeOrgKey(principal: Principal, orgId: string, provider: ProviderId): Promise<void> {
    await this.orgAccess.require(principal, orgId, 'admin');
    await this.credentialService.remove({ scope: 'org', ownerId: orgId, orgId, actorId: principal.userId }, provider);
  }

  /**
   * The org's full model list for a provider, resolved as a member of the org would be but NOT
   * narrowed by the org's allowlist: admins need it to edit that allowlist.
   */
  async orgModels(
    principal: Principal,
    orgId: string,
    provider: ProviderId,
    refresh: boolean,
  ): Promise<ModelListResponse> {
    await this.orgAccess.require(principal, orgId, 'admin');
    const access = await this.access.resolve({ ...principal, activeOrgId: orgId }, provider);
    const list = await this.catalog.listFor(access, { refresh });
    return { models: list.models, fetchedAt: new Date(list.fetchedAt).toISOString(), stale: list.stale };
  }

  async connections(principal: Principal, orgId: string): Promise<ConnectionView[]> {
    await this.orgAccess.require(principal, orgId, 'admin');
    const rows = await this.credentials.listForOrg(orgId);
    return Promise.all(
      rows.map(async (row): Promise<ConnectionView> => {
        const summary = await this.credentialService.summarize(row);
        if (row.scope === 'org') return { ...summary, provider: row.provider, owner: { kind: 'org' } };
        const member = await this.users.findById(row.owner_id);
        return {
          ...summary,
          provider: row.provider,
          owner: { kind: 'member', userId: row.owner_id, name: member?.name ?? '', email: member?.email ?? '' },
        };
      }),
    );
  }

  /** Revokes a member's personal key (or the org's own) by id; ids outside this org are 404. */
  async revokeConnection(principal: Principal, orgId: string, credentialId: string): Promise<void> {
    await this.orgAccess.require(principal, orgId, 'admin');
    const row = (await this.credentials.listForOrg(orgId)).find((candidate) => candidate.id === credentialId);
    if (!row) throw new AppError('not_found', 'connection not found');
    await this.credentialService.remove(
      { scope: row.scope, ownerId: row.owner_id, orgId, actorId: principal.userId },
      asProviderId(row.provider),
    );
  }

  async saveOrgCalibration(
    principal: Principal,
    orgId: string,
    provider: ProviderId,
    task: TaskId,
    override: CalibrationOverride,
  ) {
    await this.orgAccess.require(principal, orgId, 'admin');
    // Validate against what the org's members would see: the org's policy and credentials.
    const asOrg = { ...principal, activeOrgId: orgId };
    return this.calibration.save(
      asOrg,
      { scope: 'org', ownerId: orgId, orgId, actorId: principal.userId },
      provider,
      task,
      override,
    );
  }

  async removeOrgCalibration(principal: Principal, orgId: string, provider: ProviderId, task: TaskId): Promise<void> {
    await this.orgAccess.require(principal, orgId, 'admin');
    await this.calibration.remove({ scope: 'org', ownerId: orgId, orgId, actorId: principal.userId }, provider, task);
  }

  async auditEntries(
    principal: Principal,
    orgId: string,
    filter: { action?: string; actorId?: string; before?: number; limit: number },
  ): Promise<{ entries: AuditView[]; next: number | null }> {
    await this.orgAccess.require(principal, orgId, 'admin');
    const rows = await this.auditLog.list({
      orgId,
      action: filter.action,
      actorId: filter.actorId,
      beforeSeq: filter.before,
      limit: filter.limit + 1,
    });
    const page = rows.slice(0, filter.limit);
    const names = new Map<string, string>();
    for (const row of page) {
      if (row.actor_id && !names.has(row.actor_id))
        names.set(row.actor_id, (await this.users.findById(row.actor_id))?.name ?? '');
    }
    return {
      entries: page.map((row) => auditView(row, names)),
      next: rows.length > filter.limit ? (page.at(-1)?.seq ?? null) : null,
    };
  }
}

function auditView(row: AuditRow, names: Map<string, string>): AuditView {
  return {
    seq: row.seq,
    id: row.id,
    action: row.action,
    target: row.target,
    actor: row.actor_id ? { id: row.actor_id, name: names.get(row.actor_id) ?? '' } : null,
    diff: JSON.parse(row.diff) as unknown,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Field-by-field before/after of what changed. */
function changes(before: PolicyView, after: PolicyView): Record<string, { from: unknown; to: unknown }> {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof PolicyView)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) diff[key] = { from: before[key], to: after[key] };
  }
  return diff;
}
