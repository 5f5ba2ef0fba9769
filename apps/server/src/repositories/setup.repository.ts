import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../db/database';
import type { Database } from '../db/schema';
import type { MembershipRow, OrgRow } from './org.repository';
import type { UserRow } from './user.repository';

const SETUP_LOCK_KEY = 7_301_914;

export class SetupRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  /**
   * Creates the instance admin with their first organisation, atomically and only while no user
   * exists, so two racing setup calls cannot both succeed. Returns false when a user already exists.
   */
  async createInstanceAdmin(user: UserRow, org: OrgRow, membership: MembershipRow, now: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`.execute(trx);
      const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (existing) return false;
      await trx.insertInto('users').values(user).execute();
      await trx.insertInto('orgs').values(org).execute();
      await trx.insertInto('memberships').values(membership).execute();
      await trx
        .insertInto('org_policies')
        .values({
          org_id: org.id,
          approved_providers: null,
          allow_personal_keys: 1,
          allowed_models: '{}',
          monthly_token_budget: null,
          member_monthly_token_budget: null,
          updated_by: user.id,
          updated_at: now,
        })
        .execute();
      return true;
    });
  }

  /** Creates a user (operator CLI, org admins) with a membership in an existing organisation. */
  async createUserInOrg(user: UserRow, membership: MembershipRow): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(user).execute();
      await trx.insertInto('memberships').values(membership).execute();
    });
  }
}
