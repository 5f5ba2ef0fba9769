import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './support/app';
import { testDatabases } from './support/databases';

describe.each(testDatabases())('audit hash chain on %s', (database) => {
  let app: TestApp;
  afterEach(async () => {
    await app.close();
  });

  async function seed(count: number) {
    for (let index = 0; index < count; index++) {
      await app.server.audit.record({
        orgId: 'org-1',
        actorId: 'user-1',
        action: 'policy.changed',
        target: `org:org-1`,
        diff: { step: index, apiKey: 'sk-should-be-redacted' },
      });
    }
  }

  it('verifies an intact chain and redacts secret fields in diffs', async () => {
    app = await startApp({ database });
    await seed(5);
    expect(await app.server.audit.verify()).toEqual({ rows: 5, problems: [] });
    const rows = await app.server.db.kysely.selectFrom('audit_log').select('diff').execute();
    expect(JSON.stringify(rows)).not.toContain('sk-should-be-redacted');
  });

  it('stays one chain under concurrent writers', async () => {
    app = await startApp({ database });
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        app.server.audit.record({ orgId: null, actorId: null, action: 'x', target: `t${index}` }),
      ),
    );
    expect(await app.server.audit.verify()).toEqual({ rows: 20, problems: [] });
  });

  it('names a changed row', async () => {
    app = await startApp({ database });
    await seed(5);
    await app.server.db.kysely.updateTable('audit_log').set({ target: 'org:forged' }).where('seq', '=', 3).execute();
    expect((await app.server.audit.verify()).problems).toEqual([{ seq: 3, problem: 'changed' }]);
  });

  it('names where a row was deleted', async () => {
    app = await startApp({ database });
    await seed(5);
    await app.server.db.kysely.deleteFrom('audit_log').where('seq', '=', 2).execute();
    expect((await app.server.audit.verify()).problems).toEqual([
      { seq: 3, problem: 'gap' },
      { seq: 3, problem: 'broken_link' },
    ]);
  });

  it('names an inserted row, even one re-hashed to look valid on its own', async () => {
    app = await startApp({ database });
    await seed(3);
    const rows = await app.server.db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const last = rows[2];
    if (!last) throw new Error('seed failed');
    await app.server.db.kysely
      .insertInto('audit_log')
      .values({ ...last, seq: 4, id: 'forged', prev_hash: rows[0]?.hash ?? '' })
      .execute();
    const problems = (await app.server.audit.verify()).problems;
    expect(problems).toContainEqual({ seq: 4, problem: 'broken_link' });
    expect(problems).toContainEqual({ seq: 4, problem: 'changed' });
  });
});
