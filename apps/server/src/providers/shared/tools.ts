import type { ChatMessage, ChatRequest, ToolDefinition } from '../spec';
import { isRecord, parseJson, type JsonRecord } from './json';

/**
 * The request's tools when it has any. Every adapter sends tool fields only then: an empty `tools`
 * array is refused by some APIs, and a `tool_choice` without tools is refused by OpenAI.
 */
export function requestTools(request: ChatRequest): ToolDefinition[] | undefined {
  return request.tools !== undefined && request.tools.length > 0 ? request.tools : undefined;
}

/** Whether the request makes the model call a tool (`required` or a named tool), with tools present. */
export function forcesToolUse(request: ChatRequest): boolean {
  const choice = request.toolChoice;
  return requestTools(request) !== undefined && choice !== undefined && choice !== 'auto' && choice !== 'none';
}

/** A tool's JSON Schema; an omitted schema is "no arguments", which every API accepts in this form. */
export function toolParameters(tool: ToolDefinition): Record<string, unknown> {
  return tool.parameters ?? { type: 'object', properties: {} };
}

/**
 * Tool-call arguments as the object Anthropic (`tool_use.input`) and Ollama (`arguments`) require.
 * The text comes from a model and may be empty or truncated JSON; anything that is not a JSON
 * object becomes `{}`, so replaying history never fails on a malformed past call.
 */
export function parseToolArguments(text: string): JsonRecord {
  const value = parseJson(text);
  return isRecord(value) ? value : {};
}

/** Tool names by call id, from the assistant turns' calls (for APIs that name the tool on results). */
export function toolNamesById(messages: ChatMessage[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of messages) {
    for (const call of message.toolCalls ?? []) names.set(call.id, call.name);
  }
  return names;
}
