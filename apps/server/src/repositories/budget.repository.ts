import { sql, type Kysely } from 'kysely';
import type { BudgetCountersTable, Database } from '../db/schema';

export type BudgetScope = BudgetCountersTable['scope'];

/**
 * Token budget counters. A reservation is one conditional UPDATE, so concurrent callers on any
 * number of instances can never push used + reserved past the limit.
 */
export class BudgetRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds `amount` to the reservations if it still fits under `limit`; false when it does not. */
  async tryReserve(
    scope: BudgetScope,
    ownerId: string,
    period: string,
    amount: number,
    limit: number,
  ): Promise<boolean> {
    await this.db
      .insertInto('budget_counters')
      .values({ scope, owner_id: ownerId, period, used_tokens: 0, reserved_tokens: 0 })
      .onConflict((conflict) => conflict.columns(['scope', 'owner_id', 'period']).doNothing())
      .execute();
    const result = await this.db
      .updateTable('budget_counters')
      .set({ reserved_tokens: sql`reserved_tokens + ${amount}` })
      .where('scope', '=', scope)
      .where('owner_id', '=', ownerId)
      .where('period', '=', period)
      .where(sql<boolean>`used_tokens + reserved_tokens + ${amount} <= ${limit}`)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Releases a reservation and books what was really used. */
  async settle(scope: BudgetScope, ownerId: string, period: string, reserved: number, used: number): Promise<void> {
    await this.db
      .updateTable('budget_counters')
      .set({ reserved_tokens: sql`reserved_tokens - ${reserved}`, used_tokens: sql`used_tokens + ${used}` })
      .where('scope', '=', scope)
      .where('owner_id', '=', ownerId)
      .where('period', '=', period)
      .execute();
  }

  async find(scope: BudgetScope, ownerId: string, period: string) {
    return this.db
      .selectFrom('budget_counters')
      .selectAll()
      .where('scope', '=', scope)
      .where('owner_id', '=', ownerId)
      .where('period', '=', period)
      .executeTakeFirst();
  }
}
