import type { KeyScope } from '@chatstudio/contract';
import type { ChatMode, ResolvedBy, TaskKind } from '../../api/types';

/** Why this model answered, in words (spec §4 resolution rules). */
export function resolvedByLabel(rule: ResolvedBy, task: TaskKind | null): string {
  const forTask = task && task !== 'chat' ? ` for ${task}` : '';
  switch (rule) {
    case 'request':
      return 'you picked it';
    case 'user_calibration':
      return `your calibration${forTask}`;
    case 'org_calibration':
      return `your organisation's calibration${forTask}`;
    case 'last_used':
      return 'last used';
    case 'provider_default':
      return "the provider's default";
  }
}

/** Whose key paid for the call (spec §7). */
export function keyScopeLabel(scope: KeyScope): string {
  switch (scope) {
    case 'user':
      return 'your key';
    case 'org':
      return "your organisation's key";
    case 'managed':
      return 'managed by the operator';
  }
}

export const modeLabels: Record<ChatMode, { label: string; hint: string }> = {
  chat: { label: 'Chat', hint: 'Ordinary conversation' },
  reason: { label: 'Reason', hint: 'Planning and hard multi-step reasoning' },
  code: { label: 'Code', hint: 'Writing and reviewing code' },
  extract: { label: 'Extract', hint: 'Structured output (JSON) from text' },
};
