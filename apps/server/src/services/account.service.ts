import type { OrgRole } from '@chatstudio/contract';
import { hashPassword, randomSecret } from '../crypto';
import { AppError } from '../errors/app-error';
import type { SetupRepository } from '../repositories/setup.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { AuditService } from './audit.service';
import type { AuthService } from './auth.service';

export interface CreatedAccount {
  user: { id: string; email: string; name: string };
  oneTimePassword: string;
}

/** Accounts made for someone else (operators, org admins): a one-time password the user must change. */
export class AccountService {
  constructor(
    private readonly users: UserRepository,
    private readonly setup: SetupRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly now: () => number = Date.now,
  ) {}

  async createWithOneTimePassword(input: {
    email: string;
    name: string;
    orgId: string;
    role: OrgRole;
    actorId: string | null;
  }): Promise<CreatedAccount> {
    if (await this.users.findByEmail(input.email))
      throw new AppError('conflict', 'an account with this email already exists');
    const oneTimePassword = randomSecret('', 12);
    const now = this.now();
    const user = this.auth.newUserRow(input.email, input.name, await hashPassword(oneTimePassword), now, {
      mustChangePassword: true,
    });
    await this.setup.createUserInOrg(user, {
      org_id: input.orgId,
      user_id: user.id,
      role: input.role,
      created_at: now,
    });
    await this.audit.record({
      orgId: input.orgId,
      actorId: input.actorId,
      action: 'member.added',
      target: `user:${user.id}`,
      diff: { email: input.email, role: input.role },
    });
    return { user: { id: user.id, email: user.email, name: user.name }, oneTimePassword };
  }
}
