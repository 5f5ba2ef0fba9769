import type { FinishReason } from '../spec';

/** Maps Ollama's `done_reason` (providers.md §5.3: `stop`, `length`; `load`/`unload` otherwise). */
export function mapOllamaDoneReason(reason: string | undefined): FinishReason {
  if (reason === 'stop' || reason === undefined) return 'stop';
  if (reason === 'length') return 'length';
  return 'other';
}
