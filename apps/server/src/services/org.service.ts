import type { OrgRole } from '@chatstudio/contract';
import { newId } from '../crypto';
import { AppError } from '../errors/app-error';
import type { OrgRepository } from '../repositories/org.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { AccountService } from './account.service';
import type { AuditService } from './audit.service';
import type { OrgAccess } from './org-access';
import type { PolicyService } from './policy.service';
import type { Principal } from './principal';
import type { PrincipalCache } from './principal-cache';

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: OrgRole;
  joinedAt: string;
  mustChangePassword: boolean;
}

/** Organisations and their members (spec §7): instance admins create orgs, org admins run them. */
export class OrgService {
  constructor(
    private readonly orgs: OrgRepository,
    private readonly users: UserRepository,
    private readonly accounts: AccountService,
    private readonly orgAccess: OrgAccess,
    private readonly policies: PolicyService,
    private readonly audit: AuditService,
    private readonly principals: PrincipalCache,
    private readonly now: () => number = Date.now,
  ) {}

  async create(principal: Principal, name: string): Promise<{ id: string; name: string; role: OrgRole }> {
    if (!principal.isInstanceAdmin)
      throw new AppError('forbidden', 'only the instance administrator can create organisations');
    const now = this.now();
    const org = { id: newId(), name, created_by: principal.userId, created_at: now };
    await this.orgs.insert(org);
    await this.orgs.addMember({ org_id: org.id, user_id: principal.userId, role: 'owner', created_at: now });
    await this.policies.save(org.id, principal.userId, null);
    await this.audit.record({
      orgId: org.id,
      actorId: principal.userId,
      action: 'org.created',
      target: `org:${org.id}`,
      diff: { name },
    });
    return { id: org.id, name, role: 'owner' };
  }

  async listMine(principal: Principal): Promise<{ id: string; name: string; role: OrgRole }[]> {
    return (await this.orgs.membershipsOf(principal.userId)).map((m) => ({
      id: m.orgId,
      name: m.orgName,
      role: m.role,
    }));
  }

  async members(principal: Principal, orgId: string): Promise<MemberView[]> {
    await this.orgAccess.require(principal, orgId, 'admin');
    return (await this.orgs.members(orgId)).map((m) => ({ ...m, joinedAt: new Date(m.joinedAt).toISOString() }));
  }

  /** Adds an existing account, or creates one with a one-time password shown to the admin once. */
  async addMember(principal: Principal, orgId: string, input: { email: string; name: string; role: OrgRole }) {
    const actorRole = await this.orgAccess.require(principal, orgId, 'admin');
    if (input.role === 'owner' && actorRole !== 'owner')
      throw new AppError('forbidden', 'only an owner can add another owner');
    const existing = await this.users.findByEmail(input.email);
    if (existing) {
      // Pulling an existing account into an org would show its owner's personal keys to that org's
      // admins; only the instance administrator may do it.
      if (!principal.isInstanceAdmin) {
        throw new AppError(
          'conflict',
          'an account with this email already exists; ask the instance administrator to add it',
        );
      }
      if (await this.orgs.findMembership(orgId, existing.id))
        throw new AppError('conflict', 'this person is already a member');
      await this.orgs.addMember({ org_id: orgId, user_id: existing.id, role: input.role, created_at: this.now() });
      await this.principals.forgetUser(existing.id);
      await this.audit.record({
        orgId,
        actorId: principal.userId,
        action: 'member.added',
        target: `user:${existing.id}`,
        diff: { email: existing.email, role: input.role },
      });
      return { user: { id: existing.id, email: existing.email, name: existing.name }, oneTimePassword: null };
    }
    return this.accounts.createWithOneTimePassword({ ...input, orgId, actorId: principal.userId });
  }

  async changeRole(principal: Principal, orgId: string, userId: string, role: OrgRole): Promise<void> {
    const actorRole = await this.orgAccess.require(principal, orgId, 'admin');
    const target = await this.orgs.findMembership(orgId, userId);
    if (!target) throw new AppError('not_found', 'member not found');
    if ((role === 'owner' || target.role === 'owner') && actorRole !== 'owner') {
      throw new AppError('forbidden', 'only an owner can grant or take away the owner role');
    }
    if (target.role === 'owner' && role !== 'owner' && (await this.orgs.countOwners(orgId)) <= 1) {
      throw new AppError('conflict', 'an organisation needs at least one owner; make someone else owner first');
    }
    await this.orgs.setRole(orgId, userId, role);
    await this.principals.forgetUser(userId);
    await this.audit.record({
      orgId,
      actorId: principal.userId,
      action: 'member.role_changed',
      target: `user:${userId}`,
      diff: { from: target.role, to: role },
    });
  }

  async removeMember(principal: Principal, orgId: string, userId: string): Promise<void> {
    const actorRole = await this.orgAccess.require(principal, orgId, 'admin');
    const target = await this.orgs.findMembership(orgId, userId);
    if (!target) throw new AppError('not_found', 'member not found');
    if (target.role === 'owner') {
      if (actorRole !== 'owner') throw new AppError('forbidden', 'only an owner can remove an owner');
      if ((await this.orgs.countOwners(orgId)) <= 1)
        throw new AppError('conflict', 'cannot remove the last owner of an organisation');
    }
    await this.orgs.removeMember(orgId, userId);
    await this.principals.forgetUser(userId);
    await this.audit.record({
      orgId,
      actorId: principal.userId,
      action: 'member.removed',
      target: `user:${userId}`,
      diff: { role: target.role },
    });
  }
}
