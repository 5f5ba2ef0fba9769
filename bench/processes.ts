import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Child processes for the benchmark, pinned to a core with `taskset` when it exists. */
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
const cores = Number(spawnSync('nproc').stdout.toString().trim() || '1');

export function pinningNote(): string {
  return hasTaskset && cores >= 2
    ? 'server under test pinned to core 0 (taskset -c 0); fake upstream and load generator on core 1'
    : 'no pinning (taskset missing or a single core)';
}

export function spawnPinned(core: number, command: string, args: string[], env: Record<string, string>): ChildProcess {
  const [file, argv] = hasTaskset && cores >= 2 ? ['taskset', ['-c', String(core), command, ...args]] : [command, args];
  return spawn(file, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Pins this process (the load generator) to a core. */
export function pinSelf(core: number): void {
  if (hasTaskset && cores >= 2) spawnSync('taskset', ['-p', '-c', String(core), String(process.pid)]);
}

/** Peak resident set size (VmHWM) of a process, in MB. */
export function peakRssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match?.[1] ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The pid of the real server when `taskset` execs it (same pid) — or of the direct child. */
export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not come up`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
