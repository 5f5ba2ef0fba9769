import { emailSchema, orgRoleSchema } from '@chatstudio/contract';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrator';
import { createServer } from '../server';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/** Starts the server and keeps running; returns -1 so the caller does not exit. */
export async function serveCommand(config: Config): Promise<number> {
  const server = await createServer(config);
  const shutdown = (signal: string) => {
    server.logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  await server.app.listen({ port: config.port, host: config.host });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  server.logger.info({ url: `http://${config.host}:${port}`, db: server.db.dialect }, 'ChatStudio is listening');
  return -1;
}

export async function migrateCommand(config: Config): Promise<number> {
  const db = openDatabase(config.database);
  try {
    const applied = await migrateToLatest(db);
    out(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    return 0;
  } finally {
    await db.close();
  }
}

export async function keysRotateCommand(config: Config): Promise<number> {
  const server = await createServer({ ...config, logLevel: 'warn' });
  try {
    const report = await server.operator.rotation.rotate({ onBatch: (done) => err(`rewrapped ${done} so far`) });
    out(`rewrapped ${report.rewrapped} data keys under master key "${server.keyring.primary.id}"`);
    for (const remaining of report.remaining)
      out(`  ${remaining.count} credentials wrapped under "${remaining.masterKeyId}"`);
    if (report.skipped > 0) {
      err(
        `${report.skipped} credentials could not be opened (their master key is missing or the row does not authenticate)`,
      );
      return 1;
    }
    return 0;
  } finally {
    await server.close();
  }
}

export async function auditVerifyCommand(config: Config): Promise<number> {
  const server = await createServer({ ...config, logLevel: 'warn' });
  try {
    const { rows, problems } = await server.audit.verify();
    if (problems.length === 0) {
      out(`audit log intact: ${rows} rows verified`);
      return 0;
    }
    for (const problem of problems) err(`audit row ${problem.seq}: ${problem.problem.replace('_', ' ')}`);
    err(`audit log BROKEN: ${problems.length} problem(s) in ${rows} rows`);
    return 1;
  } finally {
    await server.close();
  }
}

export async function usersCreateCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, name: { type: 'string' }, org: { type: 'string' }, role: { type: 'string' } },
  });
  const email = emailSchema.safeParse(values.email);
  const role = orgRoleSchema.safeParse(values.role ?? 'member');
  if (!email.success || !values.name || !role.success) {
    err('users create needs --email <address> --name <name> [--org <orgId>] [--role member|admin|owner]');
    return 2;
  }
  const server = await createServer({ ...config, logLevel: 'warn' });
  try {
    const org = values.org ? await server.operator.orgs.findById(values.org) : await server.operator.orgs.oldest();
    if (!org) {
      err(
        values.org
          ? `no organisation ${values.org}`
          : 'no organisation yet: run setup in the browser (or POST /api/auth/setup) first',
      );
      return 1;
    }
    const created = await server.operator.accounts.createWithOneTimePassword({
      email: email.data,
      name: values.name,
      orgId: org.id,
      role: role.data,
      actorId: null,
    });
    out(`created ${created.user.email} (${created.user.id}) in ${org.name} as ${role.data}`);
    out(`one-time password (shown once; they must change it at first login): ${created.oneTimePassword}`);
    return 0;
  } finally {
    await server.close();
  }
}
