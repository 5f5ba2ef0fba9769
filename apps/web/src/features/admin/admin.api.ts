import type {
  CalibrationOverride,
  ConnectKeyRequest,
  ConnectKeyResponse,
  OrgRole,
  PolicyView,
  TaskCalibration,
  TaskId,
} from '@chatstudio/contract';
import { api, segment } from '../../api/client';
import type { AddedMember, AuditPage, Connection, Member, OrgSummary, UsageReport, UsageScope } from './admin-types';

const orgPath = (orgId: string) => `/api/orgs/${segment(orgId)}`;

/** Builds `?a=1&b=2` from the defined values only. */
function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The organisation endpoints (spec §6–7). Every write carries the CSRF token via `api`. */
export const adminApi = {
  orgs: (signal?: AbortSignal) => api.get<{ orgs: OrgSummary[] }>('/api/orgs', signal),
  createOrg: (name: string) => api.post<OrgSummary>('/api/orgs', { name }),

  members: (orgId: string, signal?: AbortSignal) => api.get<{ members: Member[] }>(`${orgPath(orgId)}/members`, signal),
  addMember: (orgId: string, input: { email: string; name: string; role: OrgRole }) =>
    api.post<AddedMember>(`${orgPath(orgId)}/members`, input),
  changeRole: (orgId: string, userId: string, role: OrgRole) =>
    api.patch<void>(`${orgPath(orgId)}/members/${segment(userId)}`, { role }),
  removeMember: (orgId: string, userId: string) => api.delete(`${orgPath(orgId)}/members/${segment(userId)}`),

  policy: (orgId: string, signal?: AbortSignal) => api.get<PolicyView>(`${orgPath(orgId)}/policy`, signal),
  savePolicy: (orgId: string, policy: PolicyView) => api.put<PolicyView>(`${orgPath(orgId)}/policy`, policy),

  connectOrgKey: (orgId: string, provider: string, request: ConnectKeyRequest) =>
    api.put<ConnectKeyResponse>(`${orgPath(orgId)}/providers/${segment(provider)}/key`, request),
  removeOrgKey: (orgId: string, provider: string) => api.delete(`${orgPath(orgId)}/providers/${segment(provider)}/key`),
  connections: (orgId: string, signal?: AbortSignal) =>
    api.get<{ connections: Connection[] }>(`${orgPath(orgId)}/connections`, signal),
  revokeConnection: (orgId: string, credentialId: string) =>
    api.delete(`${orgPath(orgId)}/connections/${segment(credentialId)}`),

  /** The active org's overrides per task, with what each task resolves to for the caller. */
  calibration: (provider: string, signal?: AbortSignal) =>
    api.get<{ tasks: Partial<Record<TaskId, TaskCalibration>> }>(
      `/api/providers/${segment(provider)}/calibration`,
      signal,
    ),
  saveOrgCalibration: (orgId: string, provider: string, task: TaskId, override: CalibrationOverride) =>
    api.put<{ override: CalibrationOverride }>(
      `${orgPath(orgId)}/providers/${segment(provider)}/calibration/${segment(task)}`,
      override,
    ),
  clearOrgCalibration: (orgId: string, provider: string, task: TaskId) =>
    api.delete(`${orgPath(orgId)}/providers/${segment(provider)}/calibration/${segment(task)}`),

  /** `scope=org` is the active organisation's usage (admins only); `scope=me` is the caller's own. */
  usage: (input: { scope: UsageScope; from: string; to: string }, signal?: AbortSignal) =>
    api.get<UsageReport>(`/api/usage${query(input)}`, signal),

  audit: (orgId: string, filter: { limit?: number; before?: number; action?: string }, signal?: AbortSignal) =>
    api.get<AuditPage>(
      `${orgPath(orgId)}/audit${query({ limit: filter.limit ?? 50, before: filter.before, action: filter.action })}`,
      signal,
    ),
};
