import { AppError } from '../errors/app-error';
import type { UsageGroup, UsageRepository } from '../repositories/usage.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { OrgAccess } from './org-access';
import type { Principal } from './principal';
import type { UsageService } from './usage.service';

export interface UsageReport {
  scope: 'me' | 'org';
  orgId: string | null;
  from: string;
  to: string;
  rows: (UsageGroup & { userName: string })[];
  totals: { calls: number; inputTokens: number; outputTokens: number };
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** `GET /api/usage`: the caller's own usage, or — for org admins — their whole org's. */
export class UsageReportService {
  constructor(
    private readonly usage: UsageRepository,
    private readonly users: UserRepository,
    private readonly orgAccess: OrgAccess,
    private readonly recorder: Pick<UsageService, 'flush'>,
    private readonly now: () => number = Date.now,
  ) {}

  async report(
    principal: Principal,
    query: { scope?: 'me' | 'org'; from?: string; to?: string },
  ): Promise<UsageReport> {
    const today = new Date(this.now()).toISOString().slice(0, 10);
    const from = query.from ?? `${today.slice(0, 7)}-01`;
    const to = query.to ?? today;
    if (!dayPattern.test(from) || !dayPattern.test(to) || from > to) {
      throw new AppError('bad_request', 'from/to must be days (YYYY-MM-DD) with from ≤ to');
    }
    const scope = query.scope ?? 'me';
    // Reports include calls still waiting in the write batch.
    await this.recorder.flush();
    let rows: UsageGroup[];
    if (scope === 'org') {
      if (!principal.activeOrgId) throw new AppError('bad_request', 'you belong to no organisation');
      await this.orgAccess.require(principal, principal.activeOrgId, 'admin');
      rows = await this.usage.grouped({ orgId: principal.activeOrgId, fromDay: from, toDay: to });
    } else {
      rows = await this.usage.grouped({ userId: principal.userId, fromDay: from, toDay: to });
    }
    const names = new Map<string, string>();
    for (const row of rows) {
      if (!names.has(row.userId)) names.set(row.userId, (await this.users.findById(row.userId))?.name ?? '');
    }
    return {
      scope,
      orgId: scope === 'org' ? principal.activeOrgId : null,
      from,
      to,
      rows: rows.map((row) => ({ ...row, userName: names.get(row.userId) ?? '' })),
      totals: rows.reduce(
        (total, row) => ({
          calls: total.calls + row.calls,
          inputTokens: total.inputTokens + row.inputTokens,
          outputTokens: total.outputTokens + row.outputTokens,
        }),
        { calls: 0, inputTokens: 0, outputTokens: 0 },
      ),
    };
  }
}
