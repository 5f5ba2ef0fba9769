import { describe, expect, it } from 'vitest';
import { mapOllamaDoneReason } from './ollama-finish-reason';

describe('mapOllamaDoneReason', () => {
  it.each([
    ['stop', 'stop'],
    [undefined, 'stop'],
    ['length', 'length'],
    ['unload', 'other'],
  ] as const)('%s → %s', (reason, expected) => {
    expect(mapOllamaDoneReason(reason)).toBe(expected);
  });
});
