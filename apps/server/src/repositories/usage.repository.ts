import type { Kysely, Selectable } from 'kysely';
import type { Database, UsageEventsTable } from '../db/schema';

export type UsageEventRow = Selectable<UsageEventsTable>;

export interface UsageGroup {
  userId: string;
  provider: string;
  model: string;
  task: string;
  day: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
}

export class UsageRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertMany(rows: UsageEventRow[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('usage_events').values(rows).execute();
  }

  /** Usage grouped by member, provider, model, task and day — for one user, or for a whole org. */
  async grouped(filter: { userId?: string; orgId?: string; fromDay: string; toDay: string }): Promise<UsageGroup[]> {
    let query = this.db
      .selectFrom('usage_events')
      .select((eb) => [
        'user_id',
        'provider',
        'model',
        'task',
        'day',
        eb.fn.countAll<number>().as('calls'),
        eb.fn.sum<number>('input_tokens').as('input_tokens'),
        eb.fn.sum<number>('output_tokens').as('output_tokens'),
      ])
      .where('day', '>=', filter.fromDay)
      .where('day', '<=', filter.toDay);
    if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
    if (filter.orgId !== undefined) query = query.where('org_id', '=', filter.orgId);
    const rows = await query
      .groupBy(['user_id', 'provider', 'model', 'task', 'day'])
      .orderBy('day')
      .orderBy('user_id')
      .orderBy('provider')
      .orderBy('model')
      .orderBy('task')
      .execute();
    return rows.map((row) => ({
      userId: row.user_id,
      provider: row.provider,
      model: row.model,
      task: row.task,
      day: row.day,
      calls: Number(row.calls),
      inputTokens: Number(row.input_tokens),
      outputTokens: Number(row.output_tokens),
    }));
  }
}
