import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Master keys (spec §5). The operator supplies `id:base64key,…` (first is primary) or a key file with
 * the same syntax; on the embedded default we create a random key file (0600) on first start.
 */
export interface MasterKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  primary: MasterKey;
  get(id: string): MasterKey | undefined;
  ids(): string[];
}

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses `id:base64key,id2:base64key2`. Throws KeyringError with a line an operator can act on. */
export function parseMasterKeys(spec: string): Keyring {
  const keys: MasterKey[] = [];
  for (const entry of spec
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    const id = separator > 0 ? entry.slice(0, separator) : '';
    if (!keyIdPattern.test(id)) {
      throw new KeyringError('master key entries must look like id:base64key (id: letters, digits, _ or -)');
    }
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (key.length !== 32) {
      throw new KeyringError(`master key "${id}" must be 32 bytes of base64 (got ${key.length} bytes)`);
    }
    if (keys.some((existing) => existing.id === id)) {
      throw new KeyringError(`master key id "${id}" appears twice`);
    }
    keys.push({ id, key });
  }
  const primary = keys[0];
  if (!primary) throw new KeyringError('no master key given');
  const byId = new Map(keys.map((key) => [key.id, key]));
  return { primary, get: (id) => byId.get(id), ids: () => keys.map((key) => key.id) };
}

/** A fresh master key entry, for the generated key file and for operators (`openssl rand` works too). */
export function generateMasterKeyEntry(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export interface LoadedKeyring {
  keyring: Keyring;
  /** Set when the key file was generated now; the caller logs a warning. */
  generatedFile: string | undefined;
}

/**
 * Loads master keys from the inline spec, else from the key file, creating the file (0600) when it
 * does not exist and `allowGenerate` is set (the embedded default).
 */
export function loadKeyring(options: {
  inline: string | undefined;
  file: string;
  allowGenerate: boolean;
}): LoadedKeyring {
  if (options.inline) return { keyring: parseMasterKeys(options.inline), generatedFile: undefined };
  if (existsSync(options.file)) {
    if ((statSync(options.file).mode & 0o077) !== 0) {
      throw new KeyringError(`${options.file} is readable by other users; chmod 600 it (it holds the master keys)`);
    }
    return { keyring: parseMasterKeys(readFileSync(options.file, 'utf8')), generatedFile: undefined };
  }
  if (!options.allowGenerate) {
    throw new KeyringError(`no master key: set CHATSTUDIO_MASTER_KEYS or create ${options.file}`);
  }
  mkdirSync(path.dirname(options.file), { recursive: true, mode: 0o700 });
  const entry = `${generateMasterKeyEntry(`k${Date.now().toString(36)}`)}\n`;
  writeFileSync(options.file, entry, { mode: 0o600, flag: 'wx' });
  chmodSync(options.file, 0o600);
  return { keyring: parseMasterKeys(entry), generatedFile: options.file };
}
