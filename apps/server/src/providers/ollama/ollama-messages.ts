import type { ChatMessage } from '../spec';
import type { JsonRecord } from '../shared/json';
import { parseToolArguments, toolNamesById } from '../shared/tools';

/**
 * Converts our messages to native `/api/chat` messages (providers.md §5.3). An assistant turn's
 * calls become `tool_calls: [{function:{name, arguments}}]` with the arguments as a JSON object,
 * which is what Ollama decodes (a string is refused); a tool result becomes
 * `{role:'tool', content, tool_name}`, the name looked up from the call it answers, because
 * Ollama's chat templates pair results with calls by tool name rather than by id.
 */
export function toOllamaMessages(messages: ChatMessage[]): JsonRecord[] {
  const names = toolNamesById(messages);
  return messages.map((message) => {
    const converted: JsonRecord = { role: message.role, content: message.content };
    if (message.role === 'assistant' && message.toolCalls !== undefined && message.toolCalls.length > 0) {
      converted['tool_calls'] = message.toolCalls.map((call) => ({
        function: { name: call.name, arguments: parseToolArguments(call.arguments) },
      }));
    }
    if (message.role === 'tool' && message.toolCallId !== undefined) {
      const name = names.get(message.toolCallId);
      if (name !== undefined) converted['tool_name'] = name;
    }
    return converted;
  });
}
