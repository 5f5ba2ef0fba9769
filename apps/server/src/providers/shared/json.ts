/**
 * Narrowing helpers for untrusted upstream JSON. Provider payloads are read field by field through
 * these instead of being cast to an interface, so a surprising body degrades to "field missing"
 * rather than a crash deep inside a translator.
 */

export type JsonRecord = Record<string, unknown>;

/** Parses JSON without throwing; `undefined` means the text was not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readRecord(source: unknown, key: string): JsonRecord | undefined {
  if (!isRecord(source)) return undefined;
  const value = source[key];
  return isRecord(value) ? value : undefined;
}

export function readString(source: unknown, key: string): string | undefined {
  if (!isRecord(source)) return undefined;
  const value = source[key];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a finite number; numeric strings are not accepted (providers send numbers). */
export function readNumber(source: unknown, key: string): number | undefined {
  if (!isRecord(source)) return undefined;
  const value = source[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function readBoolean(source: unknown, key: string): boolean | undefined {
  if (!isRecord(source)) return undefined;
  const value = source[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function readArray(source: unknown, key: string): unknown[] | undefined {
  if (!isRecord(source)) return undefined;
  const value = source[key];
  return Array.isArray(value) ? value : undefined;
}

/** The string members of an array field, ignoring anything else. */
export function readStringArray(source: unknown, key: string): string[] {
  return (readArray(source, key) ?? []).filter((item): item is string => typeof item === 'string');
}
