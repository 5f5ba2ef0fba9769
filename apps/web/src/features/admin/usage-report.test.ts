import { describe, expect, it } from 'vitest';
import type { UsageRow } from './admin-types';
import {
  dailyTokensByProvider,
  daysBetween,
  describeSeries,
  groupUsage,
  lastDays,
  lastMonth,
  niceCeiling,
  thisMonth,
} from './usage-report';

const names = (id: string) => ({ openai: 'OpenAI', anthropic: 'Anthropic' })[id] ?? id;

function row(overrides: Partial<UsageRow>): UsageRow {
  return {
    userId: 'u1',
    userName: 'Ada',
    provider: 'openai',
    model: 'gpt-4o',
    task: 'chat',
    day: '2025-06-02',
    calls: 1,
    inputTokens: 100,
    outputTokens: 50,
    ...overrides,
  };
}

const rows = [
  row({}),
  row({ provider: 'anthropic', model: 'claude', inputTokens: 1000, outputTokens: 0, day: '2025-06-03' }),
  row({ userId: 'u2', userName: 'Bob', task: 'code', calls: 2, inputTokens: 10, outputTokens: 10 }),
];

describe('date ranges (UTC, like the server)', () => {
  const now = Date.parse('2025-03-15T23:30:00Z');
  it('this month, last month, last n days', () => {
    expect(thisMonth(now)).toEqual({ from: '2025-03-01', to: '2025-03-15' });
    expect(lastMonth(now)).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(lastMonth(Date.parse('2025-01-10T00:00:00Z'))).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(lastDays(7, now)).toEqual({ from: '2025-03-09', to: '2025-03-15' });
  });
  it('lists days inclusively and refuses nonsense', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(daysBetween('2025-03-02', '2025-03-01')).toEqual([]);
    expect(daysBetween('yesterday', '2025-03-01')).toEqual([]);
    expect(daysBetween('2025-01-01', '2025-12-31', 10)).toHaveLength(10);
  });
});

describe('daily series', () => {
  it('fills quiet days with zero and stacks providers in catalog order', () => {
    const series = dailyTokensByProvider(rows, '2025-06-01', '2025-06-03', ['openai', 'anthropic']);
    expect(series.providers).toEqual(['openai', 'anthropic']);
    expect(series.days.map((day) => [day.day, day.total])).toEqual([
      ['2025-06-01', 0],
      ['2025-06-02', 170],
      ['2025-06-03', 1000],
    ]);
    expect(series.max).toBe(1000);
    expect(series.byProvider).toEqual([
      { provider: 'openai', tokens: 170 },
      { provider: 'anthropic', tokens: 1000 },
    ]);
    expect(describeSeries(series, names, '2025-06-01', '2025-06-03')).toBe(
      'Tokens per day from 2025-06-01 to 2025-06-03, by provider. Total 1,170 tokens: OpenAI 170, Anthropic 1,000. ' +
        'Busiest day 2025-06-03 with 1,000 tokens.',
    );
  });
  it('says so when there was no usage', () => {
    const series = dailyTokensByProvider([], '2025-06-01', '2025-06-02');
    expect(series.days).toHaveLength(2);
    expect(describeSeries(series, names, '2025-06-01', '2025-06-02')).toMatch(/no usage/);
  });
  it('rounds the scale up to a readable number', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(170)).toBe(200);
    expect(niceCeiling(1000)).toBe(1000);
    expect(niceCeiling(2100)).toBe(2500);
    expect(niceCeiling(31_000)).toBe(50_000);
  });
});

describe('grouping', () => {
  it('sums per member, biggest first', () => {
    expect(groupUsage(rows, 'member', names).map((group) => [group.labels[0], group.calls, group.inputTokens])).toEqual(
      [
        ['Ada', 2, 1100],
        ['Bob', 2, 10],
      ],
    );
  });
  it('names models with their provider and days newest first', () => {
    expect(groupUsage(rows, 'model', names).map((group) => group.labels[0])).toEqual([
      'claude (Anthropic)',
      'gpt-4o (OpenAI)',
    ]);
    expect(groupUsage(rows, 'day', names).map((group) => group.key)).toEqual(['2025-06-03', '2025-06-02']);
    expect(groupUsage(rows, 'task', names).map((group) => group.key)).toEqual(['chat', 'code']);
  });
  it('keeps every dimension when ungrouped', () => {
    const all = groupUsage(rows, 'all', names);
    expect(all).toHaveLength(3);
    expect(all[0]?.labels).toEqual(['Ada', 'Anthropic', 'claude', 'chat', '2025-06-03']);
  });
});
