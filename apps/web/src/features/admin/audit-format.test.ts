import { describe, expect, it } from 'vitest';
import { actionLabel, describeTarget, diffLines, formatValue } from './audit-format';

const context = {
  orgId: 'o1',
  memberName: (id: string) => ({ u2: 'Bob' })[id],
  providerName: (id: string) => ({ openai: 'OpenAI' })[id] ?? id,
};

describe('audit formatting', () => {
  it('names actions, falling back to the raw action', () => {
    expect(actionLabel('member.role_changed')).toBe('Role changed');
    expect(actionLabel('something.new')).toBe('something.new');
  });

  it('describes targets of every shape the server writes', () => {
    expect(describeTarget('org:o1', context)).toBe('this organisation');
    expect(describeTarget('user:u2', context)).toBe('Bob');
    expect(describeTarget('user:u9', context)).toBe('user u9');
    expect(describeTarget('user:0123456789abcdef', context)).toBe('user 01234567…');
    expect(describeTarget('org:o1:openai', context)).toBe('organisation · OpenAI');
    expect(describeTarget('user:u2:openai:code', context)).toBe("Bob's · OpenAI · code");
    expect(describeTarget('token:t1', context)).toBe('token t1');
    expect(describeTarget('weird', context)).toBe('weird');
  });

  it('shows policy changes field by field with words for null', () => {
    expect(
      diffLines(
        {
          approvedProviders: { from: null, to: ['openai', 'ollama'] },
          allowPersonalKeys: { from: true, to: false },
          monthlyTokenBudget: { from: null, to: 2000000 },
          allowedModels: { from: {}, to: { openai: ['gpt-4o', 'o3'] } },
        },
        'policy.changed',
      ),
    ).toEqual([
      { label: 'approved providers', value: 'all providers → openai, ollama' },
      { label: 'personal keys', value: 'allowed → not allowed' },
      { label: 'org monthly budget', value: 'no limit → 2,000,000' },
      { label: 'model allowlists', value: 'no restrictions → openai: gpt-4o, o3' },
    ]);
  });

  it('shows role changes, key hints and plain values', () => {
    expect(diffLines({ from: 'admin', to: 'member' }, 'member.role_changed')).toEqual([
      { label: 'role', value: 'admin → member' },
    ]);
    expect(diffLines({ hint: 'sk-…abcd', previousHint: 'sk-…wxyz', region: null }, 'key.rotated')).toEqual([
      { label: 'key', value: 'sk-…abcd' },
      { label: 'previous key', value: 'sk-…wxyz' },
      { label: 'region', value: 'none' },
    ]);
    expect(diffLines(null)).toEqual([]);
    expect(diffLines('odd')).toEqual([{ label: 'details', value: 'odd' }]);
  });

  it('keeps long values short', () => {
    expect(formatValue('x'.repeat(500))).toHaveLength(160);
  });
});
