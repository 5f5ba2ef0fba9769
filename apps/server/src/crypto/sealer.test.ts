import { describe, expect, it } from 'vitest';
import { generateMasterKeyEntry, parseMasterKeys } from './keyring';
import { open, rewrap, seal, SealError, type SealContext } from './sealer';

const context: SealContext = { scope: 'user', ownerId: 'user-1', provider: 'openai' };
const secret = 'sk-proj-canary-0123456789abcdef';

function flipByte(base64: string, index: number): string {
  const raw = Buffer.from(base64, 'base64');
  raw[index % raw.length] = (raw[index % raw.length] ?? 0) ^ 0x01;
  return raw.toString('base64');
}

describe('sealer', () => {
  const keyring = parseMasterKeys(generateMasterKeyEntry('a'));

  it('round-trips a secret and never stores it in the clear', () => {
    const sealed = seal(keyring, secret, context);
    expect(sealed.masterKeyId).toBe('a');
    expect(JSON.stringify(sealed)).not.toContain(secret);
    expect(open(keyring, sealed, context)).toBe(secret);
  });

  it('uses a fresh data key and nonce every time', () => {
    const first = seal(keyring, secret, context);
    const second = seal(keyring, secret, context);
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(first.wrappedKey).not.toBe(second.wrappedKey);
  });

  it('fails when any byte of the ciphertext or wrapped key is flipped', () => {
    const sealed = seal(keyring, secret, context);
    for (const index of [0, 12, 20, Buffer.from(sealed.ciphertext, 'base64').length - 1]) {
      expect(() => open(keyring, { ...sealed, ciphertext: flipByte(sealed.ciphertext, index) }, context)).toThrow(
        SealError,
      );
    }
    expect(() => open(keyring, { ...sealed, wrappedKey: flipByte(sealed.wrappedKey, 15) }, context)).toThrow(SealError);
  });

  it("fails to open under another owner's, scope's or provider's AAD", () => {
    const sealed = seal(keyring, secret, context);
    expect(() => open(keyring, sealed, { ...context, ownerId: 'user-2' })).toThrow(SealError);
    expect(() => open(keyring, sealed, { ...context, scope: 'org' })).toThrow(SealError);
    expect(() => open(keyring, sealed, { ...context, provider: 'anthropic' })).toThrow(SealError);
  });

  it('names the missing master key', () => {
    const sealed = seal(keyring, secret, context);
    const other = parseMasterKeys(generateMasterKeyEntry('b'));
    expect(() => open(other, sealed, context)).toThrow('master key "a" is not configured');
  });

  it('after rewrap under a new primary, opens with the old key removed', () => {
    const oldEntry = generateMasterKeyEntry('old');
    const newEntry = generateMasterKeyEntry('new');
    const before = parseMasterKeys(oldEntry);
    const sealed = seal(before, secret, context);
    const during = parseMasterKeys(`${newEntry},${oldEntry}`);
    const rewrapped = rewrap(during, sealed, context);
    expect(rewrapped.masterKeyId).toBe('new');
    expect(rewrapped.ciphertext).toBe(sealed.ciphertext);
    const after = parseMasterKeys(newEntry);
    expect(open(after, rewrapped, context)).toBe(secret);
    expect(() => open(after, sealed, context)).toThrow(SealError);
  });
});

describe('parseMasterKeys', () => {
  it('takes the first key as primary', () => {
    const keyring = parseMasterKeys(`${generateMasterKeyEntry('one')},${generateMasterKeyEntry('two')}`);
    expect(keyring.primary.id).toBe('one');
    expect(keyring.ids()).toEqual(['one', 'two']);
  });

  it.each([
    ['', 'no master key given'],
    ['nocolon', 'id:base64key'],
    ['k1:c2hvcnQ=', '32 bytes'],
  ])('rejects %j with a clear message', (spec, message) => {
    expect(() => parseMasterKeys(spec)).toThrow(message);
  });

  it('rejects a duplicated id', () => {
    const entry = generateMasterKeyEntry('dup');
    expect(() => parseMasterKeys(`${entry},${entry}`)).toThrow('appears twice');
  });
});
