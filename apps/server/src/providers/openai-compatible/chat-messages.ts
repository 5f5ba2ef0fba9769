import type { ChatMessage } from '../spec';
import type { JsonRecord } from '../shared/json';
import { toolNamesById } from '../shared/tools';

/** How a dialect spells tool history; the defaults are OpenAI's. */
export interface ChatMessageOptions {
  /** Rewrites call ids the dialect would refuse (Mistral); applied to calls and results alike. */
  mapToolCallId?: (id: string) => string;
  /** Adds the tool's `name` to tool results (Mistral's documented shape). */
  toolResultName?: boolean;
}

/**
 * Converts our messages to Chat Completions messages. An assistant turn's calls become
 * `tool_calls: [{id, type:'function', function:{name, arguments}}]` with `content: null` when the
 * turn had no text (the SDKs' shape); a tool turn becomes `{role:'tool', tool_call_id, content}`.
 */
export function toChatMessages(messages: ChatMessage[], options: ChatMessageOptions = {}): JsonRecord[] {
  const mapId = options.mapToolCallId ?? ((id: string) => id);
  const names = options.toolResultName ? toolNamesById(messages) : undefined;
  return messages.map((message): JsonRecord => {
    if (message.role === 'assistant' && message.toolCalls !== undefined && message.toolCalls.length > 0) {
      return {
        role: 'assistant',
        content: message.content === '' ? null : message.content,
        tool_calls: message.toolCalls.map((call) => ({
          id: mapId(call.id),
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        })),
      };
    }
    if (message.role === 'tool') {
      const result: JsonRecord = { role: 'tool', content: message.content };
      if (message.toolCallId !== undefined) {
        result['tool_call_id'] = mapId(message.toolCallId);
        const name = names?.get(message.toolCallId);
        if (name !== undefined) result['name'] = name;
      }
      return result;
    }
    return { role: message.role, content: message.content };
  });
}
