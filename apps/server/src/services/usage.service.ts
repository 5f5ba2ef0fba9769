import { newId } from '../crypto';
import type { UsageRepository } from '../repositories/usage.repository';
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

/** Records every model call (spec §7), including failed and stopped ones. */
export class UsageService {
  constructor(
    private readonly usage: UsageRepository,
    private readonly metrics: Metrics | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async record(event: UsageEvent): Promise<void> {
    const createdAt = this.now();
    this.metrics?.call(event);
    await this.usage.insert({
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
    });
  }
}

/** A rough token count (≈4 characters a token) for when a provider reports none, e.g. after a stop. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
