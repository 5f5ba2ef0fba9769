import type { Kysely, Selectable } from 'kysely';
import type { ApiTokensTable, Database } from '../db/schema';

export type ApiTokenRow = Selectable<ApiTokensTable>;

export class ApiTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: ApiTokenRow): Promise<void> {
    await this.db.insertInto('api_tokens').values(row).execute();
  }

  /** Live (not revoked) tokens of one user, newest first. */
  listLive(userId: string): Promise<ApiTokenRow[]> {
    return this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
  }

  findLiveByHash(tokenHash: string): Promise<ApiTokenRow | undefined> {
    return this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  /** Revokes a token of this user; returns false when the user has no such live token. */
  async revoke(userId: string, tokenId: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', tokenId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async touch(tokenId: string, now: number): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', tokenId).execute();
  }
}
