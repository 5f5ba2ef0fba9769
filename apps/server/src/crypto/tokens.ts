import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** Random identifiers and bearer secrets. Secrets are stored only as their SHA-256. */

export function newId(): string {
  return randomUUID();
}

/** A URL-safe random secret with a recognisable prefix (e.g. `csk_` for personal access tokens). */
export function randomSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/** SHA-256 hex: high-entropy secrets need no slow KDF, and lookup by hash must be fast. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** SHA-256 hex of arbitrary text, for the audit hash chain. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
