const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const mistralIdPattern = /^[A-Za-z0-9]{9}$/;

/**
 * Mistral refuses any tool call id that is not exactly nine letters or digits (400 "Tool call id
 * was … but must be a-z, A-Z, 0-9, with a length of 9."), so ids that came from another provider
 * (`call_…`, `toolu_…`) or were synthesized are rewritten. Mistral's own ids pass unchanged; any
 * other id maps deterministically (53 bits of two FNV-1a hashes, in base 62), so a call and its
 * result, converted separately, still pair up.
 */
export function toMistralToolCallId(id: string): string {
  if (mistralIdPattern.test(id)) return id;
  let first = 0x811c9dc5;
  let second = 0x9e3779b9;
  for (let position = 0; position < id.length; position += 1) {
    const code = id.charCodeAt(position);
    first = Math.imul(first ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x85ebca6b) >>> 0;
  }
  let value = first * 2 ** 21 + (second >>> 11);
  let result = '';
  for (let digit = 0; digit < 9; digit += 1) {
    result = alphabet.charAt(value % 62) + result;
    value = Math.floor(value / 62);
  }
  return result;
}
