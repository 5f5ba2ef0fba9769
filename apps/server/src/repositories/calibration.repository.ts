import type { Kysely, Selectable } from 'kysely';
import type { CalibrationsTable, Database } from '../db/schema';

export type CalibrationRow = Selectable<CalibrationsTable>;
export type CalibrationScope = CalibrationRow['scope'];

export class CalibrationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One owner's overrides for one provider, every task. */
  listFor(scope: CalibrationScope, ownerId: string, provider: string): Promise<CalibrationRow[]> {
    return this.db
      .selectFrom('calibrations')
      .selectAll()
      .where('scope', '=', scope)
      .where('owner_id', '=', ownerId)
      .where('provider', '=', provider)
      .execute();
  }

  find(scope: CalibrationScope, ownerId: string, provider: string, task: string): Promise<CalibrationRow | undefined> {
    return this.db
      .selectFrom('calibrations')
      .selectAll()
      .where('scope', '=', scope)
      .where('owner_id', '=', ownerId)
      .where('provider', '=', provider)
      .where('task', '=', task)
      .executeTakeFirst();
  }

  async upsert(row: CalibrationRow): Promise<void> {
    const { id: _id, scope: _scope, owner_id: _owner, provider: _provider, task: _task, ...changes } = row;
    await this.db
      .insertInto('calibrations')
      .values(row)
      .onConflict((conflict) => conflict.columns(['scope', 'owner_id', 'provider', 'task']).doUpdateSet(changes))
      .execute();
  }

  async delete(scope: CalibrationScope, ownerId: string, provider: string, task: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('calibrations')
      .where('scope', '=', scope)
      .where('owner_id', '=', ownerId)
      .where('provider', '=', provider)
      .where('task', '=', task)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
