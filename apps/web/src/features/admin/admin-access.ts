import type { MeResponse, OrgRole } from '@chatstudio/contract';
import type { AdminPage } from '../../app/route';
import { adminPages } from '../../app/route';

/** The caller's role in the active organisation, or null when there is none. */
export function activeOrgRole(me: MeResponse): OrgRole | null {
  return me.orgs.find((org) => org.id === me.activeOrgId)?.role ?? null;
}

export function isOrgAdmin(role: OrgRole | null): boolean {
  return role === 'owner' || role === 'admin';
}

/**
 * Which organisation pages to offer (spec §7): owners and admins run the active org; plain members
 * only read what the org allows and their own usage; instance admins also create organisations. The
 * server enforces all of this; the UI just doesn't show doors that won't open.
 */
export function adminPagesFor(me: MeResponse): AdminPage[] {
  const role = activeOrgRole(me);
  const instanceAdmin = me.user.role === 'admin';
  return adminPages.filter((page) => {
    switch (page) {
      case 'policy':
      case 'usage':
        return role !== null;
      case 'members':
      case 'keys':
      case 'calibration':
      case 'audit':
        return isOrgAdmin(role);
      case 'orgs':
        return instanceAdmin;
    }
  });
}

/** The user-menu entry: absent when there is nothing to show. */
export function organisationMenuLabel(me: MeResponse): string | null {
  if (adminPagesFor(me).length === 0) return null;
  return isOrgAdmin(activeOrgRole(me)) || me.user.role === 'admin' ? 'Organisation' : 'My organisation';
}
