import type { PolicyView, ProviderId } from '@chatstudio/contract';

/** The policy editor's state: budgets as typed, providers as "all (incl. future ones)" or a list. */
export interface PolicyForm {
  /** `approvedProviders: null`: every provider, including ones the operator adds later. */
  approveAll: boolean;
  approved: ProviderId[];
  allowPersonalKeys: boolean;
  /** Per provider; a missing or empty list means every model of that provider. */
  allowedModels: Partial<Record<ProviderId, string[]>>;
  orgBudget: string;
  memberBudget: string;
}

export function formFromPolicy(policy: PolicyView): PolicyForm {
  return {
    approveAll: policy.approvedProviders === null,
    approved: policy.approvedProviders ? [...policy.approvedProviders] : [],
    allowPersonalKeys: policy.allowPersonalKeys,
    allowedModels: Object.fromEntries(
      Object.entries(policy.allowedModels).map(([provider, models]) => [provider, [...models]]),
    ),
    orgBudget: policy.monthlyTokenBudget === null ? '' : String(policy.monthlyTokenBudget),
    memberBudget: policy.memberMonthlyTokenBudget === null ? '' : String(policy.memberMonthlyTokenBudget),
  };
}

export function isApproved(form: PolicyForm, provider: ProviderId): boolean {
  return form.approveAll || form.approved.includes(provider);
}

/**
 * Ticks or unticks one provider. Unticking one while "all providers" is on turns it into an explicit
 * list of every other provider, which is what someone unticking a box means.
 */
export function setProviderApproved(
  form: PolicyForm,
  provider: ProviderId,
  approved: boolean,
  allProviders: readonly ProviderId[],
): PolicyForm {
  const current = form.approveAll ? [...allProviders] : form.approved;
  const next = approved
    ? allProviders.filter((id) => id === provider || current.includes(id))
    : current.filter((id) => id !== provider);
  return { ...form, approveAll: false, approved: next };
}

/** "1,000,000", "250 000", "2M", "500k" → a positive whole number of tokens; "" → no budget. */
export function parseBudget(text: string): number | null | 'invalid' {
  const compact = text
    .trim()
    .replace(/[\s,_']/g, '')
    .toLowerCase();
  if (compact === '') return null;
  const match = /^(\d+(?:\.\d+)?)([km]?)$/.exec(compact);
  if (!match?.[1]) return 'invalid';
  const multiplier = match[2] === 'm' ? 1_000_000 : match[2] === 'k' ? 1000 : 1;
  const value = Number(match[1]) * multiplier;
  return Number.isSafeInteger(value) && value > 0 ? value : 'invalid';
}

export const maxModelIdLength = 200;
export const maxModelsPerProvider = 500;

/** Adds a model id to a provider's allowlist (trimmed, once). Returns an error sentence instead when it can't. */
export function addAllowedModel(form: PolicyForm, provider: ProviderId, modelId: string): PolicyForm | string {
  const model = modelId.trim();
  if (model === '') return 'Type or pick a model id.';
  if (model.length > maxModelIdLength) return `Model ids are at most ${maxModelIdLength} characters.`;
  const list = form.allowedModels[provider] ?? [];
  if (list.includes(model)) return `${model} is already on the list.`;
  if (list.length >= maxModelsPerProvider) return `At most ${maxModelsPerProvider} models per provider.`;
  return { ...form, allowedModels: { ...form.allowedModels, [provider]: [...list, model] } };
}

export function removeAllowedModel(form: PolicyForm, provider: ProviderId, model: string): PolicyForm {
  const list = (form.allowedModels[provider] ?? []).filter((item) => item !== model);
  return { ...form, allowedModels: { ...form.allowedModels, [provider]: list } };
}

export type PolicyFormErrors = Partial<Record<'orgBudget' | 'memberBudget', string>>;

/** Validates the editor and builds the `PUT /api/orgs/:org/policy` body (empty allowlists left out). */
export function policyFromForm(
  form: PolicyForm,
): { ok: true; value: PolicyView } | { ok: false; errors: PolicyFormErrors } {
  const errors: PolicyFormErrors = {};
  const orgBudget = parseBudget(form.orgBudget);
  const memberBudget = parseBudget(form.memberBudget);
  const budgetError = 'Enter a whole number of tokens above zero (e.g. 2000000 or 2M), or leave it empty for no limit.';
  if (orgBudget === 'invalid') errors.orgBudget = budgetError;
  if (memberBudget === 'invalid') errors.memberBudget = budgetError;
  if (orgBudget === 'invalid' || memberBudget === 'invalid') return { ok: false, errors };
  const allowedModels: Partial<Record<ProviderId, string[]>> = {};
  for (const [provider, models] of Object.entries(form.allowedModels) as [ProviderId, string[] | undefined][]) {
    if (models && models.length > 0) allowedModels[provider] = models;
  }
  return {
    ok: true,
    value: {
      approvedProviders: form.approveAll ? null : [...form.approved],
      allowPersonalKeys: form.allowPersonalKeys,
      allowedModels,
      monthlyTokenBudget: orgBudget,
      memberMonthlyTokenBudget: memberBudget,
    },
  };
}

/** "1,500,000 tokens a month" or "no limit". */
export function describeBudget(budget: number | null): string {
  return budget === null ? 'no limit' : `${budget.toLocaleString('en')} tokens a month`;
}
