import type { CalibrationOverride, ReasoningEffort, TaskKind } from '../../api/types';
import { reasoningEfforts } from '../../api/types';

/** The editor's fields, as typed (strings); empty means "not set". */
export interface CalibrationForm {
  model: string;
  temperature: string;
  maxOutputTokens: string;
  reasoningEffort: ReasoningEffort | '';
  systemPrompt: string;
}

export const taskDescriptions: Record<TaskKind, string> = {
  chat: 'Ordinary conversation turns',
  title: 'Naming a conversation after its first exchange',
  summarize: 'Condensing long history to fit the context window',
  reason: 'Planning and hard multi-step reasoning',
  code: 'Writing and reviewing code',
  extract: 'Structured output (JSON) from text',
};

export function formFromOverride(
  override: CalibrationOverride | null | undefined,
  fallbackModel = '',
): CalibrationForm {
  return {
    model: override?.model ?? fallbackModel,
    temperature: override?.temperature === undefined ? '' : String(override.temperature),
    maxOutputTokens: override?.maxOutputTokens === undefined ? '' : String(override.maxOutputTokens),
    reasoningEffort: override?.reasoningEffort ?? '',
    systemPrompt: override?.systemPrompt ?? '',
  };
}

export type ParsedForm = { ok: true; value: CalibrationOverride } | { ok: false; error: string };

/** Validates the editor and builds the `PUT …/calibration/:task` body, leaving unset fields out. */
export function overrideFromForm(form: CalibrationForm): ParsedForm {
  const model = form.model.trim();
  if (model === '') return { ok: false, error: 'Choose a model.' };
  const value: CalibrationOverride = { model };
  if (form.temperature.trim() !== '') {
    const temperature = Number(form.temperature);
    if (!Number.isFinite(temperature) || temperature < 0 || temperature > 2) {
      return { ok: false, error: 'Temperature must be a number from 0 to 2.' };
    }
    value.temperature = temperature;
  }
  if (form.maxOutputTokens.trim() !== '') {
    const tokens = Number(form.maxOutputTokens);
    if (!Number.isInteger(tokens) || tokens < 1 || tokens > 200_000) {
      return { ok: false, error: 'Max output tokens must be a whole number from 1 to 200,000.' };
    }
    value.maxOutputTokens = tokens;
  }
  const effort = reasoningEfforts.find((item) => item === form.reasoningEffort);
  if (effort) value.reasoningEffort = effort;
  const systemPrompt = form.systemPrompt.trim();
  if (systemPrompt !== '') value.systemPrompt = systemPrompt;
  return { ok: true, value };
}

/** "gpt-4o · temp 0 · 2000 tokens · effort high · system prompt" */
export function summarizeOverride(override: CalibrationOverride | null | undefined): string | null {
  if (!override) return null;
  const parts = [override.model];
  if (override.temperature !== undefined) parts.push(`temp ${override.temperature}`);
  if (override.maxOutputTokens !== undefined) parts.push(`${override.maxOutputTokens} tokens`);
  if (override.reasoningEffort) parts.push(`effort ${override.reasoningEffort}`);
  if (override.systemPrompt) parts.push('system prompt');
  return parts.join(' · ');
}
