import { describe, expect, it } from 'vitest';
import { formatTokens, relativeTime } from './format';

describe('format', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  it('relativeTime', () => {
    expect(relativeTime('2025-06-01T11:59:50Z', now)).toBe('just now');
    expect(relativeTime('2025-06-01T11:50:00Z', now)).toBe('10 min ago');
    expect(relativeTime('2025-06-01T09:00:00Z', now)).toBe('3 h ago');
    expect(relativeTime('2025-05-30T12:00:00Z', now)).toBe('2 d ago');
    expect(relativeTime('garbage', now)).toBe('');
  });
  it('formatTokens', () => {
    expect(formatTokens(512)).toBe('512');
    expect(formatTokens(128_000)).toBe('128k');
    expect(formatTokens(1_048_576)).toBe('1M');
    expect(formatTokens(1_500_000)).toBe('1.5M');
  });
});
