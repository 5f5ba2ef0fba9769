import { newId } from '../crypto';
import type { UsageEventRow, UsageRepository } from '../repositories/usage.repository';
import type { Metrics } from './metrics';

export type UsageOutcome = 'complete' | 'stopped' | 'client_closed' | 'error';

export interface UsageEvent {
  userId: string;
  orgId: string | null;
  provider: string;
  model: string;
  task: string;
  keyScope: string;
  source: 'chat' | 'title' | 'summarize' | 'gateway';
  inputTokens: number;
  outputTokens: number;
  timeToFirstTokenMs: number | null;
  durationMs: number;
  outcome: UsageOutcome;
  /** The stable error code when the call failed (metrics only; not stored). */
  errorCode?: string | undefined;
}

/** At most this many events wait for one write, whatever the flush interval. */
const MAX_PENDING = 500;

/**
 * Records every model call (spec §7), including failed and stopped ones. With a flush interval
 * (production default 50 ms) events are written in batches — one multi-row insert instead of one
 * per call, the largest database cost on the gateway's hot path. Budgets are settled separately and
 * synchronously, so batching never lets spend escape its limit; a hard crash can lose at most one
 * interval of usage rows. `flush` runs on shutdown and before usage is reported.
 */
export class UsageService {
  private pending: UsageEventRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly usage: UsageRepository,
    private readonly metrics: Metrics | undefined,
    private readonly flushMs: number,
    private readonly onWriteError: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  async record(event: UsageEvent): Promise<void> {
    this.metrics?.call(event);
    this.pending.push(this.row(event));
    if (this.flushMs === 0 || this.pending.length >= MAX_PENDING) {
      await this.flush();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.flush().catch(this.onWriteError);
    }, this.flushMs);
  }

  /** Writes every pending event; resolves when they are stored. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.writing = this.writing.catch(() => undefined).then(() => this.usage.insertMany(batch));
    await this.writing;
  }

  private row(event: UsageEvent): UsageEventRow {
    const createdAt = this.now();
    return {
      id: newId(),
      user_id: event.userId,
      org_id: event.orgId,
      provider: event.provider,
      model: event.model,
      task: event.task,
      key_scope: event.keyScope,
      source: event.source,
      input_tokens: event.inputTokens,
      output_tokens: event.outputTokens,
      ttft_ms: event.timeToFirstTokenMs,
      duration_ms: event.durationMs,
      outcome: event.outcome,
      day: new Date(createdAt).toISOString().slice(0, 10),
      created_at: createdAt,
    };
  }
}

/** A rough token count (≈4 characters a token) for when a provider reports none, e.g. after a stop. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
