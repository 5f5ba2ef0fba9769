import type { CreatedToken, TokenSummary } from '@chatstudio/contract';
import { hashSecret, newId, randomSecret } from '../crypto';
import { AppError } from '../errors/app-error';
import type { ApiTokenRepository } from '../repositories/api-token.repository';
import type { AuditService } from './audit.service';
import type { Principal } from './principal';
import type { PrincipalCache } from './principal-cache';

const TOKEN_PREFIX = 'csk_';

/** Personal access tokens: random, shown once, stored as a SHA-256 hash, revocable by their owner. */
export class TokenService {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly audit: AuditService,
    private readonly principals: PrincipalCache,
    private readonly now: () => number = Date.now,
  ) {}

  async create(principal: Principal, name: string): Promise<CreatedToken> {
    // A leaked token must not be able to mint replacements that outlive its revocation.
    if (principal.via.kind === 'token') {
      throw new AppError('forbidden', 'create access tokens from a signed-in browser session, not with a token');
    }
    const token = randomSecret(TOKEN_PREFIX, 32);
    const id = newId();
    await this.tokens.insert({
      id,
      user_id: principal.userId,
      name,
      token_hash: hashSecret(token),
      hint: `${TOKEN_PREFIX}…${token.slice(-4)}`,
      created_at: this.now(),
      last_used_at: null,
      revoked_at: null,
    });
    await this.audit.record({
      orgId: principal.activeOrgId,
      actorId: principal.userId,
      action: 'token.created',
      target: `token:${id}`,
      diff: { name },
    });
    return { id, name, token };
  }

  async list(principal: Principal): Promise<TokenSummary[]> {
    const rows = await this.tokens.listLive(principal.userId);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      hint: row.hint,
      createdAt: new Date(row.created_at).toISOString(),
      lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at).toISOString(),
    }));
  }

  async revoke(principal: Principal, tokenId: string): Promise<void> {
    const revoked = await this.tokens.revoke(principal.userId, tokenId, this.now());
    if (revoked) await this.principals.forgetUser(principal.userId);
    if (!revoked) throw new AppError('not_found', 'token not found');
    await this.audit.record({
      orgId: principal.activeOrgId,
      actorId: principal.userId,
      action: 'token.revoked',
      target: `token:${tokenId}`,
    });
  }
}
