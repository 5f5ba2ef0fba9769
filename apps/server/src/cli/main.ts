import { ConfigError, loadConfigFromProcess, type Config } from '../config/config';
import { KeyringError } from '../crypto';
import { auditVerifyCommand, keysRotateCommand, migrateCommand, serveCommand, usersCreateCommand } from './commands';

const usage = `usage: chatstudio <command>
  serve                      start the server (what npm start runs)
  migrate                    apply database migrations and exit
  keys rotate                re-wrap every stored data key under the primary master key
  audit verify               check the audit log's hash chain; non-zero exit if broken
  users create --email E --name N [--org ORG_ID] [--role member|admin|owner]
                             create a user with a one-time password (printed once)`;

/** `chatstudio …`: reads the same environment as the server; exits non-zero on any failure. */
async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  let config: Config;
  try {
    config = loadConfigFromProcess();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`chatstudio: bad configuration: ${problem}\n`);
      return 2;
    }
    throw error;
  }
  switch (command) {
    case 'serve':
    case undefined:
      return serveCommand(config);
    case 'migrate':
      return migrateCommand(config);
    case 'keys':
      if (sub === 'rotate') return keysRotateCommand(config);
      break;
    case 'audit':
      if (sub === 'verify') return auditVerifyCommand(config);
      break;
    case 'users':
      if (sub === 'create') return usersCreateCommand(config, rest);
      break;
    default:
      break;
  }
  process.stderr.write(`${usage}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    const message = error instanceof KeyringError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`chatstudio: ${message}\n`);
    process.exit(1);
  },
);
