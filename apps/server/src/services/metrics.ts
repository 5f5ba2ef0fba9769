import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics (spec §8). Labels come only from closed sets — provider ids, route templates,
 * status codes, error codes, outcomes — never from user content, ids or keys.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'chatstudio_http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly upstreamLatency = new Histogram({
    name: 'chatstudio_upstream_duration_seconds',
    help: 'Duration of upstream model calls, from resolution to the last byte',
    labelNames: ['provider', 'source', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  private readonly timeToFirstToken = new Histogram({
    name: 'chatstudio_upstream_time_to_first_token_seconds',
    help: 'Time from the start of an upstream call to its first token',
    labelNames: ['provider', 'source'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly tokens = new Counter({
    name: 'chatstudio_tokens_total',
    help: 'Tokens used, by provider and direction',
    labelNames: ['provider', 'direction'] as const,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'chatstudio_upstream_errors_total',
    help: 'Failed model calls by provider and stable error code',
    labelNames: ['provider', 'code'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false)
      collectDefaultMetrics({ register: this.registry, prefix: 'chatstudio_process_' });
  }

  request(method: string, route: string, status: number): void {
    this.requests.inc({ method, route, status: String(status) });
  }

  call(event: {
    provider: string;
    source: string;
    outcome: string;
    durationMs: number;
    timeToFirstTokenMs: number | null;
    inputTokens: number;
    outputTokens: number;
    errorCode?: string | undefined;
  }): void {
    this.upstreamLatency.observe(
      { provider: event.provider, source: event.source, outcome: event.outcome },
      event.durationMs / 1000,
    );
    if (event.timeToFirstTokenMs !== null)
      this.timeToFirstToken.observe(
        { provider: event.provider, source: event.source },
        event.timeToFirstTokenMs / 1000,
      );
    this.tokens.inc({ provider: event.provider, direction: 'input' }, event.inputTokens);
    this.tokens.inc({ provider: event.provider, direction: 'output' }, event.outputTokens);
    if (event.errorCode) this.errors.inc({ provider: event.provider, code: event.errorCode });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
