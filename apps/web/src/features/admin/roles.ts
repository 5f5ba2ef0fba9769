import type { OrgRole } from '@chatstudio/contract';

export const roleLabels: Record<OrgRole, string> = { owner: 'Owner', admin: 'Admin', member: 'Member' };
