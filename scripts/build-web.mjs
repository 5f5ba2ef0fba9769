// Builds the web app when its bundle is missing or older than its sources (used by start and test).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const webDir = path.join(root, 'apps/web');
const bundle = path.join(webDir, 'dist/index.html');
const contractDir = path.join(root, 'packages/contract/src');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'test') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function buildWebIfStale() {
  if (!existsSync(path.join(webDir, 'vite.config.ts'))) return;
  const sources = Math.max(newestMtime(webDir), newestMtime(contractDir));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  console.log('building the web app…');
  const build = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) buildWebIfStale();
