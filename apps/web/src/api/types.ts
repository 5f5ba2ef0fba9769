/**
 * Wire types the contract package does not (yet) export, mirrored from spec §6. When
 * `@chatstudio/contract` gains them, replace these with re-exports so web and server cannot drift.
 */
import type { KeyScope } from '@chatstudio/contract';

/** The fixed catalog of task kinds (spec §4). */
export const taskKinds = ['chat', 'title', 'summarize', 'reason', 'code', 'extract'] as const;
export type TaskKind = (typeof taskKinds)[number];

/** The tasks a user can pick as a mode in the chat view. */
export const chatModes = ['chat', 'reason', 'code', 'extract'] as const;
export type ChatMode = (typeof chatModes)[number];

/** Which resolution rule chose the model (spec §4). */
export const resolvedByRules = [
  'request',
  'user_calibration',
  'org_calibration',
  'last_used',
  'provider_default',
] as const;
export type ResolvedBy = (typeof resolvedByRules)[number];

export const reasoningEfforts = ['low', 'medium', 'high'] as const;
export type ReasoningEffort = (typeof reasoningEfforts)[number];

export interface CalibrationOverride {
  model: string;
  temperature?: number;
  maxOutputTokens?: number;
  reasoningEffort?: ReasoningEffort;
  systemPrompt?: string;
}

export interface TaskCalibration {
  user?: CalibrationOverride | null;
  org?: CalibrationOverride | null;
  /** null when no model can be resolved right now (e.g. the provider is unreachable); see `problem`. */
  effective: { model: string; resolvedBy: ResolvedBy } | null;
  problem?: string;
}

/** `GET /api/providers/:provider/calibration`. */
export interface CalibrationResponse {
  tasks: Partial<Record<TaskKind, TaskCalibration>>;
}

export interface ConversationSummary {
  id: string;
  title: string | null;
  updatedAt: string;
  createdAt?: string;
}

/** `GET /api/conversations`. */
export interface ConversationListResponse {
  conversations: ConversationSummary[];
}

/** Stored status of a message; `streaming` only ever exists in the browser while a reply arrives. */
export type MessageStatus = 'complete' | 'partial' | 'error' | 'streaming';

export interface StoredMessage {
  id: string;
  role: 'user' | 'assistant' | 'system';
  content: string;
  /** A provider id (`ProviderId`), kept as string so a newer server's provider still displays. */
  provider: string | null;
  model: string | null;
  task: TaskKind | null;
  /** Normally a `MessageStatus`; unknown values are treated as complete. */
  status: string;
  resolvedBy?: ResolvedBy | null;
  keyScope?: KeyScope | null;
  reasoning?: string | null;
  error?: { code: string; message: string } | null;
  createdAt?: string;
}

/** `GET /api/conversations/:id`. */
export interface ConversationDetail {
  id: string;
  title: string | null;
  messages: StoredMessage[];
  updatedAt?: string;
}

/** `POST /api/conversations/:id/messages` body. */
export interface SendMessageRequest {
  content: string;
  provider?: string;
  model?: string;
  task?: ChatMode;
}

/** The message stream's events, in order (spec §6). */
export type StreamEvent =
  | {
      type: 'start';
      data: {
        messageId: string;
        provider: string;
        model: string;
        task: TaskKind;
        keyScope: KeyScope;
        resolvedBy: ResolvedBy;
      };
    }
  | { type: 'delta'; data: { text: string } }
  | { type: 'reasoning'; data: { text: string } }
  | { type: 'usage'; data: { inputTokens: number; outputTokens: number } }
  | { type: 'done'; data: { messageId: string; finishReason: string } }
  | { type: 'error'; data: { code: string; message: string } };
