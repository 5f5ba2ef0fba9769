import type { ChatRequest, ToolChoice } from '../spec';
import type { JsonRecord } from '../shared/json';
import { requestTools, toolParameters } from '../shared/tools';

/** Anthropic's `tool_choice`: `auto`, `any` (must call some tool), `tool` (this one), `none`. */
export function toAnthropicToolChoice(choice: ToolChoice): JsonRecord {
  if (typeof choice === 'object') return { type: 'tool', name: choice.name };
  switch (choice) {
    case 'auto':
      return { type: 'auto' };
    case 'required':
      return { type: 'any' };
    case 'none':
      return { type: 'none' };
  }
}

/**
 * Adds `tools: [{name, description?, input_schema}]` and the tool choice, only when the request
 * has tools. `none` is sent as `{type:'none'}` rather than by dropping the tools, so a history
 * with `tool_use`/`tool_result` blocks keeps the definitions those blocks refer to.
 */
export function addAnthropicTools(body: JsonRecord, request: ChatRequest): void {
  const tools = requestTools(request);
  if (tools === undefined) return;
  body['tools'] = tools.map((tool) => {
    const entry: JsonRecord = { name: tool.name };
    if (tool.description !== undefined) entry['description'] = tool.description;
    entry['input_schema'] = toolParameters(tool);
    return entry;
  });
  if (request.toolChoice !== undefined) body['tool_choice'] = toAnthropicToolChoice(request.toolChoice);
}
