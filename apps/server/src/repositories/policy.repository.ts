import type { Kysely, Selectable } from 'kysely';
import type { Database, OrgPoliciesTable } from '../db/schema';

export type PolicyRow = Selectable<OrgPoliciesTable>;

export class PolicyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  find(orgId: string): Promise<PolicyRow | undefined> {
    return this.db.selectFrom('org_policies').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  }

  async upsert(row: PolicyRow): Promise<void> {
    const { org_id: _orgId, ...changes } = row;
    await this.db
      .insertInto('org_policies')
      .values(row)
      .onConflict((conflict) => conflict.column('org_id').doUpdateSet(changes))
      .execute();
  }
}
