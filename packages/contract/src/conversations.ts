import { z } from 'zod';
import { messageTaskSchema } from './calibration';
import { providerIdSchema } from './providers';

export const createConversationSchema = z.object({ title: z.string().trim().min(1).max(200).optional() });
export const updateConversationSchema = z.object({ title: z.string().trim().min(1).max(200) });

export const sendMessageSchema = z.object({
  content: z.string().min(1, 'content must not be empty'),
  provider: providerIdSchema.optional(),
  model: z.string().trim().min(1).max(200).optional(),
  task: messageTaskSchema.optional(),
});
export type SendMessageRequest = z.infer<typeof sendMessageSchema>;

export const messageStatuses = ['complete', 'partial', 'error', 'streaming'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export interface MessageView {
  id: string;
  role: 'user' | 'assistant' | 'system';
  content: string;
  reasoning: string | null;
  provider: string | null;
  model: string | null;
  task: string | null;
  status: MessageStatus;
  resolvedBy: string | null;
  keyScope: string | null;
  errorCode: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  timeToFirstTokenMs: number | null;
  durationMs: number | null;
  createdAt: string;
}

export interface ConversationSummary {
  id: string;
  title: string | null;
  provider: string | null;
  model: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ConversationView extends ConversationSummary {
  messages: MessageView[];
}

export const lastUsedSchema = z.object({ provider: providerIdSchema, model: z.string().trim().min(1).max(200) });

/** The message stream's events, in order (spec §6). */
export type StreamEvent =
  | {
      event: 'start';
      data: {
        messageId: string;
        provider: string;
        model: string;
        task: string;
        keyScope: 'user' | 'org' | 'managed';
        resolvedBy: string;
      };
    }
  | { event: 'delta'; data: { text: string } }
  | { event: 'reasoning'; data: { text: string } }
  | { event: 'usage'; data: { inputTokens: number; outputTokens: number } }
  | { event: 'done'; data: { messageId: string; finishReason: string } }
  | { event: 'error'; data: { code: string; message: string } };
