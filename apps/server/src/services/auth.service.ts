import type { MeResponse } from '@chatstudio/contract';
import { dummyPasswordHash, hashPassword, hashSecret, newId, randomSecret, verifyPassword } from '../crypto';
import { AppError } from '../errors/app-error';
import type { ApiTokenRepository } from '../repositories/api-token.repository';
import type { OrgRepository } from '../repositories/org.repository';
import type { SessionRepository } from '../repositories/session.repository';
import type { SetupRepository } from '../repositories/setup.repository';
import type { UserRepository, UserRow } from '../repositories/user.repository';
import type { Principal } from './principal';
import type { PrincipalCache } from './principal-cache';
import type { RateLimiter } from './rate-limiter';

export interface AuthSettings {
  sessionTtlMs: number;
  login: { maxPerAccount: number; maxPerIp: number; windowMs: number };
}

export interface NewSession {
  cookieValue: string;
  me: MeResponse;
}

/** How often a token's last-used time is written: enough for people, cheap for the gateway. */
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

/** Accounts and sessions: setup, login, logout, password change, and resolving who is calling. */
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly orgs: OrgRepository,
    private readonly tokens: ApiTokenRepository,
    private readonly setupRepository: SetupRepository,
    private readonly limiter: RateLimiter,
    private readonly settings: AuthSettings,
    private readonly principals: PrincipalCache,
    private readonly now: () => number = Date.now,
  ) {}

  async setup(input: { email: string; password: string; name: string }): Promise<NewSession> {
    const now = this.now();
    const user = this.newUserRow(input.email, input.name, await hashPassword(input.password), now, { admin: true });
    const org = { id: newId(), name: `${input.name}'s organisation`, created_by: user.id, created_at: now };
    const created = await this.setupRepository.createInstanceAdmin(
      user,
      org,
      { org_id: org.id, user_id: user.id, role: 'owner', created_at: now },
      now,
    );
    if (!created) throw new AppError('conflict', 'setup is already complete; log in instead');
    return this.startSession(user);
  }

  async login(input: { email: string; password: string; ip: string }): Promise<NewSession> {
    const accountKey = `login:account:${input.email}`;
    const ipKey = `login:ip:${input.ip}`;
    // Count the attempt before checking the password, so a burst of parallel guesses cannot all
    // pass the limit check before any failure is recorded.
    const { windowMs, maxPerAccount, maxPerIp } = this.settings.login;
    const [accountCount, ipCount] = await Promise.all([
      this.limiter.hit(accountKey, windowMs),
      this.limiter.hit(ipKey, windowMs),
    ]);
    if (accountCount > maxPerAccount || ipCount > maxPerIp) {
      throw new AppError('rate_limited', 'too many login attempts; wait a few minutes and try again', {
        details: { retryAfterSeconds: Math.ceil(windowMs / 1000) },
      });
    }
    const user = await this.users.findByEmail(input.email);
    const valid = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
    if (!user || !valid) throw new AppError('unauthorized', 'email or password is incorrect');
    // Only failures spend the budgets.
    await Promise.all([this.limiter.reset(accountKey), this.limiter.release(ipKey)]);
    return this.startSession(user);
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.via.kind === 'session') await this.sessions.delete(principal.via.idHash);
  }

  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const attemptsKey = `password:${principal.userId}`;
    const { windowMs, maxPerAccount } = this.settings.login;
    if ((await this.limiter.hit(attemptsKey, windowMs)) > maxPerAccount) {
      throw new AppError('rate_limited', 'too many attempts; wait a few minutes and try again');
    }
    const user = await this.users.findById(principal.userId);
    if (!user || !(await verifyPassword(currentPassword, user.password_hash))) {
      throw new AppError('unauthorized', 'current password is incorrect');
    }
    await this.limiter.reset(attemptsKey);
    await this.principals.forgetUser(user.id);
    await this.users.updatePassword(user.id, await hashPassword(newPassword), false, this.now());
    await this.sessions.deleteForUser(user.id, principal.via.kind === 'session' ? principal.via.idHash : undefined);
  }

  /** Resolves a session cookie value to a principal, or undefined when absent, unknown or expired. */
  async fromSessionCookie(cookieValue: string): Promise<Principal | undefined> {
    const idHash = hashSecret(cookieValue);
    const session = await this.sessions.findLive(idHash, this.now());
    if (!session) return undefined;
    const user = await this.users.findById(session.user_id);
    if (!user) return undefined;
    return this.principal(user, session.active_org_id, { kind: 'session', idHash, csrfToken: session.csrf_token });
  }

  /** Resolves a personal access token; undefined when unknown or revoked. */
  async fromBearerToken(token: string): Promise<Principal | undefined> {
    const tokenHash = hashSecret(token);
    const cached = this.principals.get(tokenHash);
    if (cached) return cached;
    const row = await this.tokens.findLiveByHash(tokenHash);
    if (!row) return undefined;
    const user = await this.users.findById(row.user_id);
    if (!user) return undefined;
    const now = this.now();
    if (row.last_used_at === null || now - row.last_used_at > TOKEN_TOUCH_INTERVAL_MS)
      await this.tokens.touch(row.id, now);
    const principal = await this.principal(user, null, { kind: 'token', tokenId: row.id });
    this.principals.set(tokenHash, principal);
    return principal;
  }

  /** Forgets cached principals of a user whose rights just changed (token revoked, role, membership). */
  async forgetUser(userId: string): Promise<void> {
    await this.principals.forgetUser(userId);
  }

  async me(principal: Principal): Promise<MeResponse> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new AppError('unauthorized', 'session is no longer valid');
    const memberships = await this.orgs.membershipsOf(user.id);
    return {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.is_instance_admin ? 'admin' : 'user',
        mustChangePassword: user.must_change_password === 1,
      },
      orgs: memberships.map((m) => ({ id: m.orgId, name: m.orgName, role: m.role })),
      activeOrgId: principal.activeOrgId,
      lastUsed:
        user.last_used_provider && user.last_used_model
          ? { provider: user.last_used_provider, model: user.last_used_model }
          : null,
      csrfToken: principal.via.kind === 'session' ? principal.via.csrfToken : null,
    };
  }

  async setActiveOrg(principal: Principal, orgId: string): Promise<void> {
    const membership = await this.orgs.findMembership(orgId, principal.userId);
    if (!membership) throw new AppError('not_found', 'organisation not found');
    if (principal.via.kind !== 'session') {
      throw new AppError('bad_request', 'token callers act in their first organisation; switch in the browser');
    }
    await this.sessions.setActiveOrg(principal.via.idHash, principal.userId, orgId);
  }

  async setLastUsed(principal: Principal, provider: string, model: string): Promise<void> {
    await this.users.updateLastUsed(principal.userId, provider, model, this.now());
  }

  newUserRow(
    email: string,
    name: string,
    passwordHash: string,
    now: number,
    options: { admin?: boolean; mustChangePassword?: boolean } = {},
  ): UserRow {
    return {
      id: newId(),
      email,
      name,
      password_hash: passwordHash,
      is_instance_admin: options.admin ? 1 : 0,
      must_change_password: options.mustChangePassword ? 1 : 0,
      last_used_provider: null,
      last_used_model: null,
      created_at: now,
      updated_at: now,
    };
  }

  private async startSession(user: UserRow): Promise<NewSession> {
    const cookieValue = randomSecret('', 32);
    const idHash = hashSecret(cookieValue);
    const csrfToken = randomSecret('', 24);
    const now = this.now();
    // Expired sessions are useless rows; logins are rare enough to sweep them here.
    await this.sessions.deleteExpired(now);
    await this.sessions.insert({
      id_hash: idHash,
      user_id: user.id,
      csrf_token: csrfToken,
      active_org_id: null,
      created_at: now,
      expires_at: now + this.settings.sessionTtlMs,
    });
    const principal = await this.principal(user, null, { kind: 'session', idHash, csrfToken });
    return { cookieValue, me: await this.me(principal) };
  }

  private async principal(user: UserRow, sessionOrgId: string | null, via: Principal['via']): Promise<Principal> {
    const memberships = await this.orgs.membershipsOf(user.id);
    const active = memberships.find((m) => m.orgId === sessionOrgId) ?? memberships[0];
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      isInstanceAdmin: user.is_instance_admin === 1,
      mustChangePassword: user.must_change_password === 1,
      activeOrgId: active?.orgId ?? null,
      via,
    };
  }
}
