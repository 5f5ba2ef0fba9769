import { bodyField } from './fake-stream';

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

function blocksOf(message: unknown): unknown[] {
  const content = bodyField(message, 'content');
  return Array.isArray(content) ? content : [];
}

function idsOf(blocks: unknown[], type: 'tool_use' | 'tool_result'): string[] {
  const key = type === 'tool_use' ? 'id' : 'tool_use_id';
  return blocks.flatMap((block) => {
    const id = bodyField(block, key);
    return bodyField(block, 'type') === type && typeof id === 'string' ? [id] : [];
  });
}

function toolsProblem(body: unknown): string | undefined {
  const tools = bodyField(body, 'tools');
  const choice = bodyField(body, 'tool_choice');
  if (tools === undefined)
    return choice === undefined ? undefined : 'tool_choice: tool_choice may only be specified while providing tools.';
  if (!Array.isArray(tools)) return 'tools: Input should be a valid list';
  for (const [index, tool] of tools.entries()) {
    if (typeof bodyField(tool, 'name') !== 'string') return `tools.${index}.custom.name: Field required`;
    if (!isObject(bodyField(tool, 'input_schema'))) return `tools.${index}.custom.input_schema: Field required`;
  }
  const type = bodyField(choice, 'type');
  if (choice !== undefined && !['auto', 'any', 'tool', 'none'].includes(String(type))) {
    return `tool_choice: Input tag '${String(type)}' found using 'type' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'`;
  }
  if (type === 'tool' && typeof bodyField(choice, 'name') !== 'string') return 'tool_choice.tool.name: Field required';
  return undefined;
}

function historyProblem(messages: unknown[]): string | undefined {
  for (const [position, message] of messages.entries()) {
    const blocks = blocksOf(message);
    for (const [index, block] of blocks.entries()) {
      if (bodyField(block, 'type') === 'text' && bodyField(block, 'text') === '') {
        return 'messages: text content blocks must be non-empty';
      }
      if (bodyField(block, 'type') === 'tool_use' && !isObject(bodyField(block, 'input'))) {
        return `messages.${position}.content.${index}.tool_use.input: Input should be a valid dictionary`;
      }
    }
    const called = idsOf(blocksOf(messages[position - 1]), 'tool_use');
    const stray = blocks.findIndex(
      (block) =>
        bodyField(block, 'type') === 'tool_result' && !called.includes(String(bodyField(block, 'tool_use_id'))),
    );
    if (stray >= 0) {
      return `messages.${position}.content.${stray}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${String(bodyField(blocks[stray], 'tool_use_id'))}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
    }
    // Results count only at the start of the next turn ("must begin with … `tool_result` blocks").
    const next = blocksOf(messages[position + 1]);
    const firstOther = next.findIndex((block) => bodyField(block, 'type') !== 'tool_result');
    const answered = idsOf(firstOther < 0 ? next : next.slice(0, firstOther), 'tool_result');
    const missing = idsOf(blocks, 'tool_use').filter((id) => !answered.includes(id));
    if (missing.length > 0) {
      return `messages.${position}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
    }
  }
  return undefined;
}

function thinkingProblem(body: unknown, messages: unknown[]): string | undefined {
  if (bodyField(bodyField(body, 'thinking'), 'type') !== 'enabled') return undefined;
  const choice = bodyField(bodyField(body, 'tool_choice'), 'type');
  if (choice === 'any' || choice === 'tool') return 'Thinking may not be enabled when tool_choice forces tool use.';
  const position = messages.findLastIndex((message) => bodyField(message, 'role') === 'assistant');
  const blocks = blocksOf(messages[position]);
  const first = bodyField(blocks[0], 'type');
  if (idsOf(blocks, 'tool_use').length === 0 || first === 'thinking' || first === 'redacted_thinking') return undefined;
  return `messages.${position}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${String(first)}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable \`thinking\`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking`;
}

/**
 * What the Messages API refuses about tools (wording from real 400s where known): malformed tools
 * or tool choice, empty text blocks, a `tool_result` that answers no `tool_use` of the previous
 * turn, a `tool_use` left unanswered by the next turn's leading results, and thinking either with
 * a forced tool choice or with an open tool loop whose calling turn lacks its thinking block.
 */
export function anthropicToolProblem(body: unknown): string | undefined {
  const messages = bodyField(body, 'messages');
  const list = Array.isArray(messages) ? messages : [];
  return toolsProblem(body) ?? historyProblem(list) ?? thinkingProblem(body, list);
}
