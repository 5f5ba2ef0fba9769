import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../../..');

/** Runs `chatstudio …` exactly as an operator would (`npx chatstudio` from the checkout). */
export function runCli(args: string[], env: Record<string, string>) {
  const result = spawnSync(path.join(root, 'node_modules/.bin/chatstudio'), args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
