import { bodyField } from './fake-stream';
import type { FakeReply } from './fake-types';

const alphanumerics = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random id of letters and digits, as providers put in tool call ids. */
export function randomAlphanumeric(length: number): string {
  return Array.from({ length }, () => alphanumerics.charAt(Math.floor(Math.random() * alphanumerics.length))).join('');
}

/**
 * Whether this reply streams its tool call: the reply has one, and the request offered tools
 * without forbidding them (`tool_choice: "none"` in Chat Completions, `{type:"none"}` in Anthropic).
 */
export function wantsToolCall(reply: FakeReply, body: unknown): boolean {
  const tools = bodyField(body, 'tools');
  const choice = bodyField(body, 'tool_choice');
  return (
    reply.toolCall !== undefined &&
    Array.isArray(tools) &&
    tools.length > 0 &&
    choice !== 'none' &&
    bodyField(choice, 'type') !== 'none'
  );
}

/** How strictly one Chat Completions dialect checks tool fields. */
export interface ChatToolRules {
  /** The string `tool_choice` values it accepts. */
  choices: string[];
  /** Mistral's rule for call ids, with its error text. */
  checkId?: (id: string) => string | undefined;
}

function toolsProblem(body: unknown, rules: ChatToolRules): string | undefined {
  const tools = bodyField(body, 'tools');
  const choice = bodyField(body, 'tool_choice');
  if (tools === undefined) {
    return choice === undefined
      ? undefined
      : "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.";
  }
  if (!Array.isArray(tools) || tools.length === 0) {
    return "Invalid 'tools': empty array. Expected an array with minimum length 1, but got an empty array instead.";
  }
  const badTool = tools.findIndex(
    (tool) =>
      bodyField(tool, 'type') !== 'function' || typeof bodyField(bodyField(tool, 'function'), 'name') !== 'string',
  );
  if (badTool >= 0) return `Missing required parameter: 'tools[${badTool}].function'.`;
  if (typeof choice === 'string' && !rules.choices.includes(choice)) {
    return `Invalid value: '${choice}'. Supported values are: ${rules.choices.map((value) => `'${value}'`).join(', ')}.`;
  }
  if (typeof choice === 'object' && typeof bodyField(bodyField(choice, 'function'), 'name') !== 'string') {
    return "Missing required parameter: 'tool_choice.function.name'.";
  }
  return undefined;
}

function unanswered(pending: string[]): string {
  return `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${pending.join(', ')}`;
}

function historyProblem(messages: unknown[], rules: ChatToolRules): string | undefined {
  let pending: string[] = [];
  for (const [position, message] of messages.entries()) {
    const role = bodyField(message, 'role');
    const id = bodyField(message, 'tool_call_id');
    if (role === 'tool') {
      if (typeof id !== 'string' || !pending.includes(id)) {
        return "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.";
      }
      pending = pending.filter((open) => open !== id);
      continue;
    }
    if (pending.length > 0) return unanswered(pending);
    const calls = bodyField(message, 'tool_calls');
    if (role !== 'assistant' || !Array.isArray(calls)) continue;
    for (const [index, call] of calls.entries()) {
      const callId = bodyField(call, 'id');
      if (typeof callId !== 'string')
        return `Missing required parameter: 'messages[${position}].tool_calls[${index}].id'.`;
      const idProblem = rules.checkId?.(callId);
      if (idProblem !== undefined) return idProblem;
      if (typeof bodyField(bodyField(call, 'function'), 'arguments') !== 'string') {
        return `Invalid type for 'messages[${position}].tool_calls[${index}].function.arguments': expected a string.`;
      }
      pending.push(callId);
    }
  }
  return pending.length > 0 ? unanswered(pending) : undefined;
}

/**
 * What a Chat Completions API would refuse about a request's tools and tool history (OpenAI's
 * wording; Mistral and DashScope refuse the same things): a `tool_choice` without tools, malformed
 * tools, a tool result that answers no call of the assistant turn before it, calls left
 * unanswered, arguments that are not JSON text. Undefined when the request is acceptable.
 */
export function chatToolProblem(body: unknown, rules: ChatToolRules): string | undefined {
  const messages = bodyField(body, 'messages');
  return toolsProblem(body, rules) ?? (Array.isArray(messages) ? historyProblem(messages, rules) : undefined);
}

/** Mistral's call-id rule (observed 400 text; providers.md has no entry for it). */
export function checkMistralToolCallId(id: string): string | undefined {
  return /^[A-Za-z0-9]{9}$/.test(id)
    ? undefined
    : `Tool call id was ${id} but must be a-z, A-Z, 0-9, with a length of 9.`;
}
