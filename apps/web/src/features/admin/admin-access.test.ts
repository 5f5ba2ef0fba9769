import type { MeResponse } from '@chatstudio/contract';
import { describe, expect, it } from 'vitest';
import { activeOrgRole, adminPagesFor, organisationMenuLabel } from './admin-access';

function me(role: 'owner' | 'admin' | 'member' | null, instanceAdmin = false): MeResponse {
  return {
    user: { id: 'u1', email: 'a@x.io', name: 'A', role: instanceAdmin ? 'admin' : 'user', mustChangePassword: false },
    orgs: role
      ? [
          { id: 'o1', name: 'Org', role },
          { id: 'o2', name: 'Other', role: 'owner' },
        ]
      : [],
    activeOrgId: role ? 'o1' : null,
    lastUsed: null,
    csrfToken: 'c',
  };
}

describe('admin access', () => {
  it('reads the role in the active organisation, not any other', () => {
    expect(activeOrgRole(me('member'))).toBe('member');
    expect(activeOrgRole(me(null))).toBeNull();
  });

  it('gives owners and admins every org page, members only policy and their usage', () => {
    const all = ['members', 'policy', 'keys', 'calibration', 'usage', 'audit'];
    expect(adminPagesFor(me('owner'))).toEqual(all);
    expect(adminPagesFor(me('admin'))).toEqual(all);
    expect(adminPagesFor(me('member'))).toEqual(['policy', 'usage']);
    expect(adminPagesFor(me('member', true))).toEqual(['policy', 'usage', 'orgs']);
    expect(adminPagesFor(me(null, true))).toEqual(['orgs']);
    expect(adminPagesFor(me(null))).toEqual([]);
  });

  it('labels the menu entry by what it leads to', () => {
    expect(organisationMenuLabel(me('admin'))).toBe('Organisation');
    expect(organisationMenuLabel(me('member'))).toBe('My organisation');
    expect(organisationMenuLabel(me('member', true))).toBe('Organisation');
    expect(organisationMenuLabel(me(null))).toBeNull();
  });
});
