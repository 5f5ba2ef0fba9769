import type { PolicyView, ProviderId } from '@chatstudio/contract';
import { describe, expect, it } from 'vitest';
import {
  addAllowedModel,
  formFromPolicy,
  isApproved,
  parseBudget,
  policyFromForm,
  removeAllowedModel,
  setProviderApproved,
} from './policy-form';

const all: ProviderId[] = ['openai', 'anthropic', 'mistral', 'dashscope', 'ollama'];
const open: PolicyView = {
  approvedProviders: null,
  allowPersonalKeys: true,
  allowedModels: {},
  monthlyTokenBudget: null,
  memberMonthlyTokenBudget: null,
};

describe('policy form', () => {
  it('round-trips a policy unchanged', () => {
    const policy: PolicyView = {
      approvedProviders: ['openai', 'ollama'],
      allowPersonalKeys: false,
      allowedModels: { openai: ['gpt-4o'] },
      monthlyTokenBudget: 5_000_000,
      memberMonthlyTokenBudget: 100_000,
    };
    expect(policyFromForm(formFromPolicy(policy))).toEqual({ ok: true, value: policy });
    expect(policyFromForm(formFromPolicy(open))).toEqual({ ok: true, value: open });
  });

  it('unticking a provider under "all" keeps every other one, in catalog order', () => {
    const form = setProviderApproved(formFromPolicy(open), 'anthropic', false, all);
    expect(form.approveAll).toBe(false);
    expect(form.approved).toEqual(['openai', 'mistral', 'dashscope', 'ollama']);
    expect(isApproved(form, 'anthropic')).toBe(false);
    const again = setProviderApproved(form, 'anthropic', true, all);
    expect(again.approved).toEqual(all);
    expect(policyFromForm(again)).toMatchObject({ ok: true, value: { approvedProviders: all } });
  });

  it('parses budgets with separators and k/M suffixes; rejects zero, negatives and fractions of tokens', () => {
    expect(parseBudget('')).toBeNull();
    expect(parseBudget('  ')).toBeNull();
    expect(parseBudget('1,000,000')).toBe(1_000_000);
    expect(parseBudget('250 000')).toBe(250_000);
    expect(parseBudget('2M')).toBe(2_000_000);
    expect(parseBudget('1.5m')).toBe(1_500_000);
    expect(parseBudget('500k')).toBe(500_000);
    for (const bad of ['0', '-5', '1.5', 'lots', '1e9', '99999999999999999999'])
      expect(parseBudget(bad)).toBe('invalid');
  });

  it('reports each bad budget on its own field', () => {
    const form = { ...formFromPolicy(open), orgBudget: '0', memberBudget: '10k' };
    expect(policyFromForm(form)).toEqual({ ok: false, errors: { orgBudget: expect.stringMatching(/whole number/) } });
  });

  it('edits allowlists: trimmed, no duplicates, empty lists dropped from the body', () => {
    let form = formFromPolicy(open);
    const added = addAllowedModel(form, 'openai', '  gpt-4o ');
    if (typeof added === 'string') throw new Error(added);
    form = added;
    expect(form.allowedModels.openai).toEqual(['gpt-4o']);
    expect(addAllowedModel(form, 'openai', 'gpt-4o')).toMatch(/already/);
    expect(addAllowedModel(form, 'openai', ' ')).toMatch(/model id/);
    form = removeAllowedModel(form, 'openai', 'gpt-4o');
    expect(policyFromForm(form)).toMatchObject({ ok: true, value: { allowedModels: {} } });
  });
});
