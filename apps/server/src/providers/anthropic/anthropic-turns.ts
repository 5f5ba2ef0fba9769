import type { ChatMessage } from '../spec';
import type { JsonRecord } from '../shared/json';
import { parseToolArguments } from '../shared/tools';

type TextBlock = { type: 'text'; text: string };
type ToolUseBlock = { type: 'tool_use'; id: string; name: string; input: JsonRecord };
type ToolResultBlock = { type: 'tool_result'; tool_use_id: string; content: string };
type Block = TextBlock | ToolUseBlock | ToolResultBlock;

interface Turn {
  role: 'user' | 'assistant';
  blocks: Block[];
}

/** A Messages API turn: plain text as a string, anything with tool blocks as a block array. */
export type AnthropicTurn = { role: 'user' | 'assistant'; content: string | Block[] };

function toTurn(message: ChatMessage): Turn | undefined {
  switch (message.role) {
    case 'system':
      return undefined;
    case 'user':
      return { role: 'user', blocks: [{ type: 'text', text: message.content }] };
    case 'assistant': {
      const calls = message.toolCalls ?? [];
      const uses = calls.map((call): ToolUseBlock => ({
        type: 'tool_use',
        id: call.id,
        name: call.name,
        input: parseToolArguments(call.arguments),
      }));
      const text: Block[] = message.content === '' && uses.length > 0 ? [] : [{ type: 'text', text: message.content }];
      return { role: 'assistant', blocks: [...text, ...uses] };
    }
    case 'tool':
      return {
        role: 'user',
        blocks: [{ type: 'tool_result', tool_use_id: message.toolCallId ?? '', content: message.content }],
      };
  }
}

function serialize(turn: Turn): AnthropicTurn {
  const { role, blocks } = turn;
  if (blocks.every((block): block is TextBlock => block.type === 'text')) {
    return { role, content: blocks.map((block) => block.text).join('\n\n') };
  }
  // Results must open the user turn that follows the calls; empty text blocks are refused.
  const results = blocks.filter((block) => block.type === 'tool_result');
  const rest = blocks.filter((block) => block.type !== 'tool_result' && !(block.type === 'text' && block.text === ''));
  return { role, content: [...results, ...rest] };
}

/**
 * Converts our turns to Messages API turns (providers.md §2.3). System messages are left out (they
 * go to the top-level `system`); an assistant turn's calls become `tool_use` blocks with the
 * arguments parsed to an object; tool results become `tool_result` blocks in a user turn.
 * Consecutive turns of one role are merged, as the API expects alternating turns, so several
 * results become one user turn. Text-only turns stay strings joined by blank lines.
 */
export function toAnthropicTurns(messages: ChatMessage[]): AnthropicTurn[] {
  const turns: Turn[] = [];
  for (const message of messages) {
    const turn = toTurn(message);
    if (turn === undefined) continue;
    const last = turns.at(-1);
    if (last && last.role === turn.role) last.blocks.push(...turn.blocks);
    else turns.push(turn);
  }
  return turns.map(serialize);
}

/**
 * Whether the last assistant turn called tools, i.e. a tool loop is open. With thinking enabled
 * the API then requires that turn to start with its signed thinking block ("a final `assistant`
 * message must start with a thinking block"), which our messages do not carry.
 */
export function lastAssistantCalledTools(messages: ChatMessage[]): boolean {
  const last = messages.findLast((message) => message.role === 'assistant');
  return (last?.toolCalls?.length ?? 0) > 0;
}
