import { newId, sha256Hex } from '../crypto';
import type { AuditRepository, AuditRow } from '../repositories/audit.repository';

/**
 * The append-only, hash-chained audit log (spec §7). Each row's hash covers its content and the
 * previous row's hash, so changing, inserting or deleting a row breaks the chain from there on.
 * Callers pass diffs that never contain secrets; `redactDiff` enforces it for known secret fields.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  orgId: string | null;
  actorId: string | null;
  action: string;
  target: string;
  diff?: Record<string, unknown>;
}

const secretFields = /^(apikey|api_key|key|token|password|secret|ciphertext|wrapped_key)$/i;

function redactDiff(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactDiff);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([field, inner]) => [
        field,
        secretFields.test(field) ? '[redacted]' : redactDiff(inner),
      ]),
    );
  }
  return value;
}

export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  return sha256Hex(
    JSON.stringify([
      row.seq,
      row.id,
      row.org_id,
      row.actor_id,
      row.action,
      row.target,
      row.diff,
      row.created_at,
      row.prev_hash,
    ]),
  );
}

export interface ChainProblem {
  seq: number;
  problem: 'changed' | 'broken_link' | 'gap';
}

export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly now: () => number = Date.now,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.audit.append((tail) => {
      const base = {
        seq: (tail?.seq ?? 0) + 1,
        id: newId(),
        org_id: entry.orgId,
        actor_id: entry.actorId,
        action: entry.action,
        target: entry.target,
        diff: JSON.stringify(redactDiff(entry.diff ?? {})),
        created_at: this.now(),
        prev_hash: tail?.hash ?? GENESIS_HASH,
      };
      return { ...base, hash: auditRowHash(base) };
    });
  }

  /** Walks the whole chain; returns every problem found, naming the row where it shows. */
  async verify(): Promise<{ rows: number; problems: ChainProblem[] }> {
    const problems: ChainProblem[] = [];
    let previous: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
    let rows = 0;
    for (;;) {
      const page = await this.audit.page(previous.seq, 500);
      for (const row of page) {
        rows += 1;
        if (row.seq !== previous.seq + 1) problems.push({ seq: row.seq, problem: 'gap' });
        if (row.prev_hash !== previous.hash) problems.push({ seq: row.seq, problem: 'broken_link' });
        if (auditRowHash(row) !== row.hash) problems.push({ seq: row.seq, problem: 'changed' });
        previous = { seq: row.seq, hash: row.hash };
      }
      if (page.length < 500) return { rows, problems };
    }
  }
}
