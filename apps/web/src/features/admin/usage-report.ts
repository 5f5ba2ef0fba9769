import type { UsageRow, UsageTotals } from './admin-types';

/** How the usage table groups rows; `all` shows every (member, provider, model, task, day) row. */
export const usageGroupings = ['member', 'provider', 'model', 'task', 'day', 'all'] as const;
export type UsageGrouping = (typeof usageGroupings)[number];

export interface UsageGroupRow extends UsageTotals {
  key: string;
  /** The cells that name the group, in column order (one for a grouping, five for `all`). */
  labels: string[];
}

export type ProviderNames = (id: string) => string;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of a time, in UTC: the server buckets usage by UTC day. */
export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function isDay(value: string): boolean {
  return dayPattern.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** This month so far (the server's default range). */
export function thisMonth(now: number = Date.now()): { from: string; to: string } {
  const today = utcDay(now);
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

/** The whole previous calendar month. */
export function lastMonth(now: number = Date.now()): { from: string; to: string } {
  const date = new Date(now);
  const firstOfThisMonth = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const lastDay = utcDay(firstOfThisMonth - 86_400_000);
  return { from: `${lastDay.slice(0, 7)}-01`, to: lastDay };
}

/** The last `days` days, ending today. */
export function lastDays(days: number, now: number = Date.now()): { from: string; to: string } {
  return { from: utcDay(now - (days - 1) * 86_400_000), to: utcDay(now) };
}

/** Every day from `from` to `to`, inclusive; empty when the range is invalid. Capped at `limit` days. */
export function daysBetween(from: string, to: string, limit = 400): string[] {
  if (!isDay(from) || !isDay(to) || from > to) return [];
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); days.length < limit; time += 86_400_000) {
    const day = utcDay(time);
    if (day > to) break;
    days.push(day);
  }
  return days;
}

export const tokensOf = (row: UsageTotals): number => row.inputTokens + row.outputTokens;

export interface DaySeries {
  providers: string[];
  days: { day: string; total: number; parts: { provider: string; tokens: number }[] }[];
  max: number;
  byProvider: { provider: string; tokens: number }[];
}

/**
 * Tokens (in + out) per day, split by provider, with a zero for every day of the range that had no
 * calls, so a quiet day shows as a gap rather than disappearing. Providers keep `order`; unknown ones
 * follow alphabetically.
 */
export function dailyTokensByProvider(
  rows: readonly UsageRow[],
  from: string,
  to: string,
  order: readonly string[] = [],
): DaySeries {
  const totals = new Map<string, Map<string, number>>();
  const perProvider = new Map<string, number>();
  for (const row of rows) {
    const tokens = tokensOf(row);
    const day = totals.get(row.day) ?? new Map<string, number>();
    day.set(row.provider, (day.get(row.provider) ?? 0) + tokens);
    totals.set(row.day, day);
    perProvider.set(row.provider, (perProvider.get(row.provider) ?? 0) + tokens);
  }
  const providers = [...perProvider.keys()].sort((a, b) => {
    const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
    return rank(a) - rank(b) || a.localeCompare(b);
  });
  const rangeDays = daysBetween(from, to);
  const extra = [...totals.keys()].filter((day) => !rangeDays.includes(day));
  const days = [...rangeDays, ...extra].sort().map((day) => {
    const parts = providers.map((provider) => ({ provider, tokens: totals.get(day)?.get(provider) ?? 0 }));
    return { day, total: parts.reduce((sum, part) => sum + part.tokens, 0), parts };
  });
  return {
    providers,
    days,
    max: days.reduce((max, day) => Math.max(max, day.total), 0),
    byProvider: providers.map((provider) => ({ provider, tokens: perProvider.get(provider) ?? 0 })),
  };
}

/** A round number at or above `value` for the chart's top line: 1, 2, 2.5, 5 × 10ⁿ. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** What the chart says to a screen reader: the range, the total, the split by provider, the busiest day. */
export function describeSeries(series: DaySeries, names: ProviderNames, from: string, to: string): string {
  const total = series.byProvider.reduce((sum, item) => sum + item.tokens, 0);
  if (total === 0) return `Tokens per day from ${from} to ${to}: no usage.`;
  const split = series.byProvider.map((item) => `${names(item.provider)} ${formatCount(item.tokens)}`).join(', ');
  const busiest = series.days.reduce((best, day) => (day.total > best.total ? day : best));
  return (
    `Tokens per day from ${from} to ${to}, by provider. Total ${formatCount(total)} tokens: ${split}. ` +
    `Busiest day ${busiest.day} with ${formatCount(busiest.total)} tokens.`
  );
}

export function formatCount(value: number): string {
  return value.toLocaleString('en');
}

function groupKey(row: UsageRow, by: UsageGrouping, names: ProviderNames): { key: string; labels: string[] } {
  switch (by) {
    case 'member':
      return { key: row.userId, labels: [row.userName || row.userId] };
    case 'provider':
      return { key: row.provider, labels: [names(row.provider)] };
    case 'model':
      return { key: `${row.provider}\u0000${row.model}`, labels: [`${row.model} (${names(row.provider)})`] };
    case 'task':
      return { key: row.task, labels: [row.task] };
    case 'day':
      return { key: row.day, labels: [row.day] };
    case 'all':
      return {
        key: [row.userId, row.provider, row.model, row.task, row.day].join('\u0000'),
        labels: [row.userName || row.userId, names(row.provider), row.model, row.task, row.day],
      };
  }
}

/**
 * Sums rows per group. Days sort by date (newest first, as people read a log); everything else by
 * tokens, biggest first, so the heaviest users and models are on top.
 */
export function groupUsage(rows: readonly UsageRow[], by: UsageGrouping, names: ProviderNames): UsageGroupRow[] {
  const groups = new Map<string, UsageGroupRow>();
  for (const row of rows) {
    const { key, labels } = groupKey(row, by, names);
    const group = groups.get(key) ?? { key, labels, calls: 0, inputTokens: 0, outputTokens: 0 };
    group.calls += row.calls;
    group.inputTokens += row.inputTokens;
    group.outputTokens += row.outputTokens;
    groups.set(key, group);
  }
  const list = [...groups.values()];
  if (by === 'day') return list.sort((a, b) => b.key.localeCompare(a.key));
  if (by === 'all') {
    return list.sort((a, b) => (b.labels[4] ?? '').localeCompare(a.labels[4] ?? '') || tokensOf(b) - tokensOf(a));
  }
  return list.sort((a, b) => tokensOf(b) - tokensOf(a) || a.labels.join().localeCompare(b.labels.join()));
}
