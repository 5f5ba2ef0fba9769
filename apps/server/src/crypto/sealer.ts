import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring';

/**
 * Envelope encryption (spec §5): each secret gets its own random 256-bit data key; the secret is
 * sealed with AES-256-GCM under the data key, and the data key is wrapped with AES-256-GCM under a
 * master key. Both layers carry additional authenticated data naming where the secret belongs, so a
 * ciphertext copied to another owner's row fails to open.
 */

/** Where a secret belongs. Every field is bound into the AAD. */
export interface SealContext {
  scope: 'user' | 'org';
  ownerId: string;
  provider: string;
}

export interface SealedSecret {
  masterKeyId: string;
  /** base64(nonce ‖ ciphertext ‖ tag) of the data key under the master key. */
  wrappedKey: string;
  /** base64(nonce ‖ ciphertext ‖ tag) of the secret under the data key. */
  ciphertext: string;
}

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

function aad(layer: 'secret' | 'data-key', context: SealContext): Buffer {
  // JSON of a fixed-order tuple: unambiguous, unlike concatenation with separators.
  return Buffer.from(JSON.stringify(['chatstudio/v1', layer, context.scope, context.ownerId, context.provider]));
}

function encrypt(key: Buffer, plaintext: Buffer, additionalData: Buffer): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(additionalData);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64');
}

function decrypt(key: Buffer, sealed: string, additionalData: Buffer): Buffer {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length < NONCE_BYTES + TAG_BYTES) throw new SealError('sealed value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE_BYTES));
  decipher.setAAD(additionalData);
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealError('sealed value failed authentication (tampered, or bound to another owner)');
  }
}

function masterKeyFor(keyring: Keyring, id: string): Buffer {
  const master = keyring.get(id);
  if (!master) throw new SealError(`master key "${id}" is not configured`);
  return master.key;
}

/** Seals a secret under a fresh data key wrapped by the primary master key. */
export function seal(keyring: Keyring, plaintext: string, context: SealContext): SealedSecret {
  const dataKey = randomBytes(32);
  try {
    return {
      masterKeyId: keyring.primary.id,
      wrappedKey: encrypt(keyring.primary.key, dataKey, aad('data-key', context)),
      ciphertext: encrypt(dataKey, Buffer.from(plaintext, 'utf8'), aad('secret', context)),
    };
  } finally {
    dataKey.fill(0);
  }
}

/** Opens a sealed secret; throws SealError when anything about it does not authenticate. */
export function open(keyring: Keyring, sealed: SealedSecret, context: SealContext): string {
  const dataKey = decrypt(masterKeyFor(keyring, sealed.masterKeyId), sealed.wrappedKey, aad('data-key', context));
  try {
    return decrypt(dataKey, sealed.ciphertext, aad('secret', context)).toString('utf8');
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Re-wraps the data key under the primary master key. The secret's own ciphertext is untouched and
 * the plaintext secret is never produced — only the data key passes through memory.
 */
export function rewrap(keyring: Keyring, sealed: SealedSecret, context: SealContext): SealedSecret {
  if (sealed.masterKeyId === keyring.primary.id) return sealed;
  const dataKey = decrypt(masterKeyFor(keyring, sealed.masterKeyId), sealed.wrappedKey, aad('data-key', context));
  try {
    return {
      masterKeyId: keyring.primary.id,
      wrappedKey: encrypt(keyring.primary.key, dataKey, aad('data-key', context)),
      ciphertext: sealed.ciphertext,
    };
  } finally {
    dataKey.fill(0);
  }
}
