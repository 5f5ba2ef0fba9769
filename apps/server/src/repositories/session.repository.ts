import type { Kysely, Selectable } from 'kysely';
import type { Database, SessionsTable } from '../db/schema';

export type SessionRow = Selectable<SessionsTable>;

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: SessionRow): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  /** A live session by the hash of its cookie value. */
  findLive(idHash: string, now: number): Promise<SessionRow | undefined> {
    return this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }

  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteForUser(userId: string, exceptIdHash?: string): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash);
    await query.execute();
  }

  async setActiveOrg(idHash: string, userId: string, orgId: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ active_org_id: orgId })
      .where('id_hash', '=', idHash)
      .where('user_id', '=', userId)
      .execute();
  }

  async deleteExpired(now: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
