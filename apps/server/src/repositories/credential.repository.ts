import type { Kysely, Selectable } from 'kysely';
import type { CredentialsTable, Database } from '../db/schema';

export type CredentialRow = Selectable<CredentialsTable>;
export type CredentialScope = CredentialRow['scope'];

/** Sealed provider keys. Every read names its owner (scope + owner id); the sealed columns never leave services. */
export class CredentialRepository {
  constructor(private readonly db: Kysely<Database>) {}

  find(scope: CredentialScope, ownerId: string, provider: string): Promise<CredentialRow | undefined> {
    return this.db
      .selectFrom('credentials')
      .selectAll()
      .where('scope', '=', scope)
      .where('owner_id', '=', ownerId)
      .where('provider', '=', provider)
      .executeTakeFirst();
  }

  /** Every credential of one owner (a user's personal keys, or an org's keys). */
  listForOwner(scope: CredentialScope, ownerId: string): Promise<CredentialRow[]> {
    return this.db
      .selectFrom('credentials')
      .selectAll()
      .where('scope', '=', scope)
      .where('owner_id', '=', ownerId)
      .execute();
  }

  /** Inserts or replaces the owner's key for a provider. */
  async upsert(row: CredentialRow): Promise<void> {
    await this.db
      .insertInto('credentials')
      .values(row)
      .onConflict((conflict) =>
        conflict.columns(['scope', 'owner_id', 'provider']).doUpdateSet({
          id: row.id,
          region: row.region,
          hint: row.hint,
          master_key_id: row.master_key_id,
          wrapped_key: row.wrapped_key,
          ciphertext: row.ciphertext,
          created_by: row.created_by,
          created_at: row.created_at,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  async delete(scope: CredentialScope, ownerId: string, provider: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('credentials')
      .where('scope', '=', scope)
      .where('owner_id', '=', ownerId)
      .where('provider', '=', provider)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** A batch of credentials still wrapped under some master key other than `primaryId`. */
  notWrappedUnder(primaryId: string, limit: number): Promise<CredentialRow[]> {
    return this.db
      .selectFrom('credentials')
      .selectAll()
      .where('master_key_id', '!=', primaryId)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /**
   * Replaces a row's wrapped data key, only if it is still wrapped under the key we read it with —
   * so a concurrent replace of the credential is never overwritten by a stale rewrap.
   */
  async replaceWrappedKey(
    id: string,
    fromMasterKeyId: string,
    toMasterKeyId: string,
    wrappedKey: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('credentials')
      .set({ master_key_id: toMasterKeyId, wrapped_key: wrappedKey })
      .where('id', '=', id)
      .where('master_key_id', '=', fromMasterKeyId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async countByMasterKey(): Promise<{ masterKeyId: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('credentials')
      .select((eb) => ['master_key_id', eb.fn.countAll<number>().as('count')])
      .groupBy('master_key_id')
      .execute();
    return rows.map((row) => ({ masterKeyId: row.master_key_id, count: Number(row.count) }));
  }

  /** Every credential an org's admins may see: the org's own and each member's personal keys. */
  listForOrg(orgId: string): Promise<CredentialRow[]> {
    return this.db
      .selectFrom('credentials')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('scope', '=', 'org'), eb('owner_id', '=', orgId)]),
          eb.and([
            eb('scope', '=', 'user'),
            eb('owner_id', 'in', eb.selectFrom('memberships').select('user_id').where('org_id', '=', orgId)),
          ]),
        ]),
      )
      .orderBy('provider')
      .orderBy('created_at')
      .execute();
  }

  findById(id: string): Promise<CredentialRow | undefined> {
    return this.db.selectFrom('credentials').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
