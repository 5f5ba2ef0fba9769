import { z } from 'zod';
import type { ChatMessage, ChatRequest, ToolChoice, ToolDefinition } from '../providers/spec';

/**
 * The OpenAI Chat Completions request body, as much of it as the gateway honours (spec §6).
 * Unknown fields are accepted and ignored, as OpenAI-compatible servers do.
 */
const textPart = z.object({ type: z.string(), text: z.string().optional() }).passthrough();
const toolCallSchema = z.object({
  id: z.string().max(200),
  type: z.literal('function').default('function'),
  function: z.object({ name: z.string().max(200), arguments: z.string().max(1_000_000) }),
});
const messageSchema = z
  .object({
    role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
    content: z.union([z.string(), z.array(textPart), z.null()]).optional(),
    tool_calls: z.array(toolCallSchema).optional(),
    tool_call_id: z.string().max(200).optional(),
  })
  .passthrough();

export const gatewayRequestSchema = z
  .object({
    model: z.string().trim().min(1, 'model is required').max(300),
    messages: z.array(messageSchema).min(1, 'messages must not be empty').max(10_000),
    stream: z.boolean().nullable().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).passthrough().nullable().optional(),
    temperature: z.number().min(0).max(2).nullable().optional(),
    max_tokens: z.number().int().positive().nullable().optional(),
    max_completion_tokens: z.number().int().positive().nullable().optional(),
    stop: z
      .union([z.string(), z.array(z.string()).max(4)])
      .nullable()
      .optional(),
    reasoning_effort: z.enum(['low', 'medium', 'high']).nullable().optional(),
    tools: z
      .array(
        z.object({
          type: z.literal('function'),
          function: z.object({
            name: z.string().min(1).max(64),
            description: z.string().max(10_000).optional(),
            parameters: z.record(z.string(), z.unknown()).optional(),
          }),
        }),
      )
      .max(128)
      .optional(),
    tool_choice: z
      .union([
        z.enum(['auto', 'none', 'required']),
        z.object({ type: z.literal('function'), function: z.object({ name: z.string() }) }),
      ])
      .optional(),
  })
  .passthrough();

export type GatewayRequest = z.infer<typeof gatewayRequestSchema>;

function textOf(content: GatewayRequest['messages'][number]['content']): string {
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content.map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
}

/** OpenAI messages → the adapters' provider-neutral messages (`developer` is a system turn). */
export function toChatMessages(messages: GatewayRequest['messages']): ChatMessage[] {
  return messages.map((message): ChatMessage => {
    const content = textOf(message.content);
    switch (message.role) {
      case 'system':
      case 'developer':
        return { role: 'system', content };
      case 'user':
        return { role: 'user', content };
      case 'assistant':
        return message.tool_calls?.length
          ? {
              role: 'assistant',
              content,
              toolCalls: message.tool_calls.map((call) => ({
                id: call.id,
                name: call.function.name,
                arguments: call.function.arguments,
              })),
            }
          : { role: 'assistant', content };
      case 'tool':
        return { role: 'tool', content, toolCallId: message.tool_call_id ?? '' };
    }
  });
}

/** The sampling and tool fields of a gateway request, in adapter terms. */
export function requestOptions(body: GatewayRequest): Omit<ChatRequest, 'model' | 'messages'> {
  const maxOutputTokens = body.max_completion_tokens ?? body.max_tokens ?? undefined;
  const tools: ToolDefinition[] | undefined = body.tools?.map((tool) => ({
    name: tool.function.name,
    ...(tool.function.description !== undefined ? { description: tool.function.description } : {}),
    ...(tool.function.parameters !== undefined ? { parameters: tool.function.parameters } : {}),
  }));
  const toolChoice: ToolChoice | undefined =
    body.tool_choice === undefined
      ? undefined
      : typeof body.tool_choice === 'string'
        ? body.tool_choice
        : { name: body.tool_choice.function.name };
  return {
    ...(body.temperature !== null && body.temperature !== undefined ? { temperature: body.temperature } : {}),
    ...(maxOutputTokens !== undefined && maxOutputTokens !== null ? { maxOutputTokens } : {}),
    ...(body.stop ? { stop: typeof body.stop === 'string' ? [body.stop] : body.stop } : {}),
    ...(body.reasoning_effort ? { reasoningEffort: body.reasoning_effort } : {}),
    ...(tools?.length ? { tools } : {}),
    ...(toolChoice && tools?.length ? { toolChoice } : {}),
  };
}
