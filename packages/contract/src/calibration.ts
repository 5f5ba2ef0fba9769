import { z } from 'zod';

/** The task catalog (spec §4): a fixed list, extensible in code. */
export const taskIds = ['chat', 'title', 'summarize', 'reason', 'code', 'extract'] as const;
export const taskIdSchema = z.enum(taskIds);
export type TaskId = z.infer<typeof taskIdSchema>;

/** Tasks a person can send a message as; `title` and `summarize` are run by the app itself. */
export const messageTaskIds = ['chat', 'reason', 'code', 'extract'] as const;
export const messageTaskSchema = z.enum(messageTaskIds);

export const taskCatalog: Record<TaskId, { label: string; purpose: string }> = {
  chat: { label: 'Chat', purpose: 'ordinary conversation turns' },
  title: { label: 'Title', purpose: 'naming a conversation after its first exchange' },
  summarize: { label: 'Summarize', purpose: 'condensing long history to fit a context window' },
  reason: { label: 'Reason', purpose: 'planning and hard multi-step reasoning' },
  code: { label: 'Code', purpose: 'writing and reviewing code' },
  extract: { label: 'Extract', purpose: 'structured output (JSON) from text' },
};

export const reasoningEfforts = ['low', 'medium', 'high'] as const;

export const calibrationOverrideSchema = z.object({
  model: z.string().trim().min(1).max(200),
  temperature: z.number().min(0).max(2).optional(),
  maxOutputTokens: z.number().int().min(1).max(200_000).optional(),
  reasoningEffort: z.enum(reasoningEfforts).optional(),
  systemPrompt: z.string().max(20_000).optional(),
});
export type CalibrationOverride = z.infer<typeof calibrationOverrideSchema>;

export const resolvedByValues = [
  'request',
  'user_calibration',
  'org_calibration',
  'last_used',
  'provider_default',
] as const;
export type ResolvedBy = (typeof resolvedByValues)[number];

export interface TaskCalibration {
  user?: CalibrationOverride;
  org?: CalibrationOverride;
  effective: { model: string; resolvedBy: ResolvedBy } | null;
  /** Why no effective model could be resolved (e.g. the provider is unreachable). */
  problem?: string;
}

export interface CalibrationView {
  provider: string;
  tasks: Record<TaskId, TaskCalibration>;
}
