import type { ChatRequest, ToolChoice, ToolDefinition } from '../spec';
import type { JsonRecord } from '../shared/json';
import { requestTools, toolParameters } from '../shared/tools';

/** How a dialect says "must call some tool": OpenAI and DashScope `required`, Mistral `any`. */
export type RequiredToolChoice = 'required' | 'any';

/** Chat Completions function tools: `{type:'function', function:{name, description?, parameters}}`. */
export function toChatTools(tools: ToolDefinition[]): JsonRecord[] {
  return tools.map((tool) => {
    const fn: JsonRecord = { name: tool.name };
    if (tool.description !== undefined) fn['description'] = tool.description;
    fn['parameters'] = toolParameters(tool);
    return { type: 'function', function: fn };
  });
}

/** A Chat Completions `tool_choice`; a named tool is `{type:'function', function:{name}}`. */
export function toChatToolChoice(choice: ToolChoice, required: RequiredToolChoice): string | JsonRecord {
  if (typeof choice === 'object') return { type: 'function', function: { name: choice.name } };
  return choice === 'required' ? required : choice;
}

/** Adds `tools` and, when set, `tool_choice` to a body; nothing at all when the request has no tools. */
export function addChatTools(body: JsonRecord, request: ChatRequest, required: RequiredToolChoice): void {
  const tools = requestTools(request);
  if (tools === undefined) return;
  body['tools'] = toChatTools(tools);
  if (request.toolChoice !== undefined) body['tool_choice'] = toChatToolChoice(request.toolChoice, required);
}
