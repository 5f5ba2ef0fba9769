import type { AppError } from '../errors/app-error';
import type { FinishReason, ToolCall } from '../providers/spec';
import type { GatewayCall } from '../services/gateway.service';

/** OpenAI's wire shapes for the gateway: errors, completions and stream chunks (spec §6). */

const errorTypes: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'invalid_request_error',
  409: 'invalid_request_error',
  413: 'invalid_request_error',
  422: 'invalid_request_error',
  429: 'rate_limit_error',
};

/** `{error: {message, type, param, code}}` with our stable code in `code`, as the openai client expects. */
export function openAiError(error: AppError) {
  const param = typeof error.details?.param === 'string' ? error.details.param : null;
  return { error: { message: error.message, type: errorTypes[error.status] ?? 'api_error', param, code: error.code } };
}

export function openAiFinishReason(reason: FinishReason | 'stopped'): string {
  switch (reason) {
    case 'length':
    case 'content_filter':
    case 'tool_calls':
    case 'stop':
      return reason;
    case 'error':
    case 'other':
    case 'stopped':
      return 'stop';
  }
}

export function usageBody(usage: { inputTokens: number; outputTokens: number }) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

export function completionBody(
  call: GatewayCall,
  result: {
    text: string;
    toolCalls: ToolCall[];
    finishReason: FinishReason | 'stopped';
    usage: { inputTokens: number; outputTokens: number };
  },
) {
  const toolCalls = result.toolCalls.map((tool) => ({
    id: tool.id,
    type: 'function',
    function: { name: tool.name, arguments: tool.arguments },
  }));
  return {
    id: call.id,
    object: 'chat.completion',
    created: call.created,
    model: call.publicModel,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: toolCalls.length && !result.text ? null : result.text,
          refusal: null,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: openAiFinishReason(result.finishReason),
      },
    ],
    usage: usageBody(result.usage),
  };
}

export function chunk(
  call: GatewayCall,
  delta: Record<string, unknown>,
  finishReason: string | null,
  includeUsage: boolean,
) {
  return {
    id: call.id,
    object: 'chat.completion.chunk',
    created: call.created,
    model: call.publicModel,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(includeUsage ? { usage: null } : {}),
  };
}

export function usageChunk(call: GatewayCall, usage: { inputTokens: number; outputTokens: number }) {
  return {
    id: call.id,
    object: 'chat.completion.chunk',
    created: call.created,
    model: call.publicModel,
    choices: [],
    usage: usageBody(usage),
  };
}
