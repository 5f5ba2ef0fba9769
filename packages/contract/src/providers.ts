import { z } from 'zod';

/** Provider ids (spec §2). Adding a provider means one adapter module and one registry line. */
export const providerIds = ['openai', 'anthropic', 'mistral', 'dashscope', 'ollama'] as const;
export const providerIdSchema = z.enum(providerIds);
export type ProviderId = z.infer<typeof providerIdSchema>;

export const dashscopeRegions = ['intl', 'cn', 'us'] as const;
export const regionSchema = z.enum(dashscopeRegions);
export type DashscopeRegion = z.infer<typeof regionSchema>;

export const keyScopes = ['user', 'org', 'managed'] as const;
export type KeyScope = (typeof keyScopes)[number];

export const modelCapabilities = ['vision', 'tools', 'reasoning', 'json', 'code'] as const;
export type ModelCapability = (typeof modelCapabilities)[number];

export const modelInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  contextWindow: z.number().int().positive().optional(),
  capabilities: z.array(z.enum(modelCapabilities)),
});
export type ModelInfo = z.infer<typeof modelInfoSchema>;

export const credentialSummarySchema = z.object({
  id: z.string(),
  scope: z.enum(['user', 'org']),
  hint: z.string(),
  connectedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  connectedAt: z.string(),
  region: regionSchema.optional(),
});
export type CredentialSummary = z.infer<typeof credentialSummarySchema>;

export const providerStateSchema = z.object({
  id: providerIdSchema,
  name: z.string(),
  requiresKey: z.boolean(),
  regions: z.array(regionSchema).optional(),
  approved: z.boolean(),
  /** Why the provider cannot be used, when it cannot (e.g. not approved by the organisation). */
  reason: z.string().optional(),
  credential: credentialSummarySchema.nullable(),
  /** Whether a personal key would be used if connected (org policy may forbid personal keys). */
  personalKeysAllowed: z.boolean(),
  /** Ollama only: whether the operator's managed host answered. */
  reachable: z.boolean().optional(),
});
export type ProviderState = z.infer<typeof providerStateSchema>;

export const connectKeyRequestSchema = z.object({
  apiKey: z
    .string()
    .trim()
    .min(8, 'apiKey is too short to be a provider key')
    .max(512, 'apiKey is too long to be a provider key')
    .regex(/^[\x21-\x7e]+$/, 'apiKey must be printable ASCII without spaces'),
  region: regionSchema.optional(),
});
export type ConnectKeyRequest = z.infer<typeof connectKeyRequestSchema>;

export interface ConnectKeyResponse {
  credential: CredentialSummary;
  modelCount: number;
}

export interface ModelListResponse {
  models: ModelInfo[];
  fetchedAt: string;
  stale: boolean;
}

/** `PUT /api/orgs/:org/policy` (spec §7). Budgets are monthly token counts; null removes one. */
export const policySchema = z.object({
  approvedProviders: z.array(providerIdSchema).nullable(),
  allowPersonalKeys: z.boolean(),
  allowedModels: z.partialRecord(providerIdSchema, z.array(z.string().trim().min(1).max(200)).max(500)).default({}),
  monthlyTokenBudget: z
    .number()
    .int()
    .positive('monthlyTokenBudget must be a positive number of tokens')
    .nullable()
    .optional(),
  memberMonthlyTokenBudget: z
    .number()
    .int()
    .positive('memberMonthlyTokenBudget must be a positive number of tokens')
    .nullable()
    .optional(),
});
export type PolicyInput = z.infer<typeof policySchema>;

export interface PolicyView {
  approvedProviders: ProviderId[] | null;
  allowPersonalKeys: boolean;
  allowedModels: Partial<Record<ProviderId, string[]>>;
  monthlyTokenBudget: number | null;
  memberMonthlyTokenBudget: number | null;
}
