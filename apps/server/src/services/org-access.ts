import type { OrgRole } from '@chatstudio/contract';
import { AppError } from '../errors/app-error';
import type { OrgRepository } from '../repositories/org.repository';
import type { Principal } from './principal';

const rank: Record<OrgRole, number> = { member: 0, admin: 1, owner: 2 };

/**
 * The org-scoped authorization rule, in one place: someone outside the org gets 404 (its
 * existence is not revealed), a member below the needed role gets 403.
 */
export class OrgAccess {
  constructor(private readonly orgs: OrgRepository) {}

  async require(principal: Principal, orgId: string, needed: OrgRole): Promise<OrgRole> {
    const membership = await this.orgs.findMembership(orgId, principal.userId);
    if (!membership) throw new AppError('not_found', 'organisation not found');
    if (rank[membership.role] < rank[needed]) {
      throw new AppError('forbidden', `this needs the ${needed} role in the organisation`);
    }
    return membership.role;
  }
}

export function outranks(role: OrgRole, other: OrgRole): boolean {
  return rank[role] >= rank[other];
}
