import type { ChatRequest } from '../spec';

/**
 * Token budgets for providers whose reasoning knob is a budget, not a level (Anthropic
 * `thinking.budget_tokens`, DashScope `thinking_budget`). Anthropic's minimum budget is 1024.
 */
const budgets: Record<NonNullable<ChatRequest['reasoningEffort']>, number> = {
  low: 1024,
  medium: 4096,
  high: 16384,
};

export function thinkingBudgetTokens(effort: NonNullable<ChatRequest['reasoningEffort']>): number {
  return budgets[effort];
}
