import type { Kysely, Selectable } from 'kysely';
import type { Database, ModelCacheTable } from '../db/schema';

export type ModelCacheRow = Selectable<ModelCacheTable>;

/** The last good model list per credential: shared by every instance, and the stale fallback. */
export class ModelCacheRepository {
  constructor(private readonly db: Kysely<Database>) {}

  find(cacheKey: string): Promise<ModelCacheRow | undefined> {
    return this.db.selectFrom('model_cache').selectAll().where('cache_key', '=', cacheKey).executeTakeFirst();
  }

  async upsert(row: ModelCacheRow): Promise<void> {
    await this.db
      .insertInto('model_cache')
      .values(row)
      .onConflict((conflict) =>
        conflict.column('cache_key').doUpdateSet({ models: row.models, fetched_at: row.fetched_at }),
      )
      .execute();
  }

  /** Forgets every list fetched with a credential (its key prefix), e.g. when the key is removed. */
  async deleteByPrefix(prefix: string): Promise<void> {
    await this.db
      .deleteFrom('model_cache')
      .where('cache_key', 'like', `${prefix.replace(/[%_]/g, '')}%`)
      .execute();
  }
}
