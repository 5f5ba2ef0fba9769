import type { ResolvedCall } from './call-resolver';

/** The output cap applied when an org budget is in force and nothing else set one. */
export const BUDGETED_DEFAULT_MAX_OUTPUT = 4096;

/**
 * Under a token budget every call must have a known maximum output, so its reservation bounds
 * what it can spend. Calls without a budget keep the provider's own default.
 */
export function withBoundedOutput(call: ResolvedCall): ResolvedCall {
  const { policy } = call.access;
  const budgeted =
    call.access.orgId !== null && (policy.monthlyTokenBudget !== null || policy.memberMonthlyTokenBudget !== null);
  if (!budgeted || call.settings.maxOutputTokens !== undefined) return call;
  return { ...call, settings: { ...call.settings, maxOutputTokens: BUDGETED_DEFAULT_MAX_OUTPUT } };
}
