import { describe, expect, it } from 'vitest';
import { toMistralToolCallId } from './mistral-tool-call-id';

describe('toMistralToolCallId', () => {
  it("keeps Mistral's own ids", () => {
    expect(toMistralToolCallId('D681PevKs')).toBe('D681PevKs');
  });

  it('rewrites other ids to nine letters or digits, deterministically and distinctly', () => {
    const ids = ['call_1', 'call_2', 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP', 'call_0', '', 'abc-def-ghi'];
    const mapped = ids.map(toMistralToolCallId);
    for (const id of mapped) expect(id).toMatch(/^[A-Za-z0-9]{9}$/);
    expect(new Set(mapped).size).toBe(ids.length);
    expect(ids.map(toMistralToolCallId)).toEqual(mapped);
  });
});
