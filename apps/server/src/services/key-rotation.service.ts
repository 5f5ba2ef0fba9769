import { rewrap, type Keyring } from '../crypto';
import type { CredentialRepository } from '../repositories/credential.repository';

export interface RotationReport {
  rewrapped: number;
  skipped: number;
  remaining: { masterKeyId: string; count: number }[];
}

/**
 * Re-wraps every data key under the primary master key (spec §5), in batches. Each row is updated
 * on its own, so a crash loses nothing and a re-run resumes where it stopped; the provider keys
 * themselves are never decrypted, only their data keys.
 */
export class KeyRotationService {
  constructor(
    private readonly credentials: CredentialRepository,
    private readonly keyring: Keyring,
  ) {}

  async rotate(options: { batchSize?: number; onBatch?: (done: number) => void } = {}): Promise<RotationReport> {
    const batchSize = options.batchSize ?? 100;
    const primaryId = this.keyring.primary.id;
    let rewrapped = 0;
    let skipped = 0;
    const unopenable = new Set<string>();
    for (;;) {
      const batch = (await this.credentials.notWrappedUnder(primaryId, batchSize + unopenable.size)).filter(
        (row) => !unopenable.has(row.id),
      );
      if (batch.length === 0) break;
      for (const row of batch) {
        if (!this.keyring.get(row.master_key_id)) {
          unopenable.add(row.id);
          skipped += 1;
          continue;
        }
        const sealed = { masterKeyId: row.master_key_id, wrappedKey: row.wrapped_key, ciphertext: row.ciphertext };
        let next;
        try {
          next = rewrap(this.keyring, sealed, { scope: row.scope, ownerId: row.owner_id, provider: row.provider });
        } catch {
          // A row that does not authenticate is reported, never "fixed": it may be evidence of tampering.
          unopenable.add(row.id);
          skipped += 1;
          continue;
        }
        if (await this.credentials.replaceWrappedKey(row.id, row.master_key_id, next.masterKeyId, next.wrappedKey))
          rewrapped += 1;
      }
      options.onBatch?.(rewrapped);
    }
    return { rewrapped, skipped, remaining: await this.credentials.countByMasterKey() };
  }
}
