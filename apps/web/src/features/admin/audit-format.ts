/**
 * Turns audit entries (spec §7) into words: action names, targets like `org:<id>:openai:code`, and
 * the recorded diff as a short list of "field: before → after" lines. Never shows more than the
 * server recorded, and the server never records a key.
 */

export const auditActionLabels: Record<string, string> = {
  'key.connected': 'Key connected',
  'key.rotated': 'Key replaced',
  'key.removed': 'Key removed',
  'policy.changed': 'Policy changed',
  'calibration.saved': 'Calibration saved',
  'calibration.removed': 'Calibration removed',
  'member.added': 'Member added',
  'member.removed': 'Member removed',
  'member.role_changed': 'Role changed',
  'token.created': 'Access token created',
  'token.revoked': 'Access token revoked',
  'org.created': 'Organisation created',
};

/** The filter's choices, in the order people look for them. */
export const auditActions = Object.keys(auditActionLabels);

export function actionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}

export interface TargetContext {
  orgId: string;
  memberName: (userId: string) => string | undefined;
  providerName: (provider: string) => string;
}

function ownerLabel(scope: string, ownerId: string, context: TargetContext): string {
  if (scope === 'org') return ownerId === context.orgId ? 'organisation' : `organisation ${shortId(ownerId)}`;
  const name = context.memberName(ownerId);
  return name ? `${name}'s` : `user ${shortId(ownerId)}`;
}

export function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 8)}…` : id;
}

/** `user:<id>` → "Bob", `org:<org>:openai:code` → "organisation · OpenAI · code". */
export function describeTarget(target: string, context: TargetContext): string {
  const [kind = '', id = '', provider, task] = target.split(':');
  if (provider !== undefined && (kind === 'org' || kind === 'user')) {
    return [ownerLabel(kind, id, context), context.providerName(provider), task].filter(Boolean).join(' · ');
  }
  switch (kind) {
    case 'org':
      return id === context.orgId ? 'this organisation' : `organisation ${shortId(id)}`;
    case 'user':
      return context.memberName(id) ?? `user ${shortId(id)}`;
    case 'token':
      return `token ${shortId(id)}`;
    default:
      return target;
  }
}

const fieldLabels: Record<string, string> = {
  approvedProviders: 'approved providers',
  allowPersonalKeys: 'personal keys',
  allowedModels: 'model allowlists',
  monthlyTokenBudget: 'org monthly budget',
  memberMonthlyTokenBudget: 'member monthly budget',
  previousHint: 'previous key',
  hint: 'key',
  maxOutputTokens: 'max output tokens',
  reasoningEffort: 'reasoning effort',
  systemPrompt: 'system prompt',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const maxValueLength = 160;

/** One value, compactly; `field` picks the right words for "null" (all providers, no limit…). */
export function formatValue(value: unknown, field?: string): string {
  let text: string;
  if (value === null || value === undefined) {
    if (field === 'approvedProviders') text = 'all providers';
    else if (field === 'monthlyTokenBudget' || field === 'memberMonthlyTokenBudget') text = 'no limit';
    else text = 'none';
  } else if (typeof value === 'boolean') {
    text = field === 'allowPersonalKeys' ? (value ? 'allowed' : 'not allowed') : value ? 'yes' : 'no';
  } else if (typeof value === 'number') {
    text = value.toLocaleString('en');
  } else if (typeof value === 'string') {
    text = value;
  } else if (Array.isArray(value)) {
    text = value.length === 0 ? 'none' : value.map((item) => formatValue(item)).join(', ');
  } else if (isRecord(value)) {
    const entries = Object.entries(value);
    text =
      entries.length === 0
        ? field === 'allowedModels'
          ? 'no restrictions'
          : 'none'
        : entries.map(([key, item]) => `${key}: ${formatValue(item)}`).join('; ');
  } else {
    text = typeof value === 'bigint' ? value.toString() : typeof value;
  }
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text;
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return isRecord(value) && 'from' in value && 'to' in value && Object.keys(value).length === 2;
}

export interface DiffLine {
  label: string;
  value: string;
}

/**
 * The diff as readable lines: `{field: {from, to}}` (policy) → "field: a → b"; a bare `{from, to}`
 * (role change) → "role: a → b"; anything else → "field: value". Unknown shapes still display.
 */
export function diffLines(diff: unknown, action = ''): DiffLine[] {
  if (diff === null || diff === undefined) return [];
  if (isChange(diff)) {
    const label = action.startsWith('member.') ? 'role' : 'change';
    return [{ label, value: `${formatValue(diff.from)} → ${formatValue(diff.to)}` }];
  }
  if (!isRecord(diff)) return [{ label: 'details', value: formatValue(diff) }];
  return Object.entries(diff)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => ({
      label: fieldLabels[field] ?? field,
      value: isChange(value)
        ? `${formatValue(value.from, field)} → ${formatValue(value.to, field)}`
        : formatValue(value, field),
    }));
}
