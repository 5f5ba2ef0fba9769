/** Liveness of the server's own dependencies, for `GET /api/health`. */
export interface HealthReport {
  ok: boolean;
  version: string;
  db: { ok: boolean; dialect: string };
  redis: { ok: boolean } | null;
}

export interface HealthProbes {
  version: string;
  dialect: string;
  pingDatabase(): Promise<void>;
  pingRedis: (() => Promise<void>) | undefined;
}

export class HealthService {
  constructor(private readonly probes: HealthProbes) {}

  async check(): Promise<HealthReport> {
    const [db, redis] = await Promise.all([
      settle(this.probes.pingDatabase()),
      this.probes.pingRedis ? settle(this.probes.pingRedis()) : Promise.resolve(null),
    ]);
    return {
      ok: db && redis !== false,
      version: this.probes.version,
      db: { ok: db, dialect: this.probes.dialect },
      redis: redis === null ? null : { ok: redis },
    };
  }
}

async function settle(probe: Promise<void>): Promise<boolean> {
  try {
    await withTimeout(probe, 2000);
    return true;
  } catch {
    return false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}
