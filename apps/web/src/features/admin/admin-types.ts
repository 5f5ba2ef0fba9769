/**
 * Wire types of the organisation endpoints (spec §6–7) that `@chatstudio/contract` does not export yet.
 * When it does, replace these with re-exports so web and server cannot drift.
 */
import type { CredentialSummary, OrgRole } from '@chatstudio/contract';

export interface OrgSummary {
  id: string;
  name: string;
  role: OrgRole;
}

/** `GET /api/orgs/:org/members`. */
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: OrgRole;
  joinedAt: string;
  mustChangePassword: boolean;
}

/** `POST /api/orgs/:org/members`: `oneTimePassword` is null when an existing account was added. */
export interface AddedMember {
  user: { id: string; email: string; name: string };
  oneTimePassword: string | null;
}

/** `GET /api/orgs/:org/connections`: every stored key of the org and of its members. */
export interface Connection extends CredentialSummary {
  provider: string;
  owner: { kind: 'org' } | { kind: 'member'; userId: string; name: string; email: string };
}

/** `GET /api/orgs/:org/audit`. `diff` is whatever the action recorded (never a key). */
export interface AuditEntry {
  seq: number;
  id: string;
  action: string;
  target: string;
  actor: { id: string; name: string } | null;
  diff: unknown;
  createdAt: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null at the end of the log. */
  next: number | null;
}

export type UsageScope = 'me' | 'org';

export interface UsageRow {
  userId: string;
  userName: string;
  provider: string;
  model: string;
  task: string;
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
}

export interface UsageTotals {
  calls: number;
  inputTokens: number;
  outputTokens: number;
}

/** `GET /api/usage?scope=&from=&to=`. */
export interface UsageReport {
  scope: UsageScope;
  orgId: string | null;
  from: string;
  to: string;
  rows: UsageRow[];
  totals: UsageTotals;
}
