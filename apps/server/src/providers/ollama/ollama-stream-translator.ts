import type { StreamPart } from '../spec';
import { parseJson, readArray, readBoolean, readNumber, readRecord, readString, isRecord } from '../shared/json';
import type { StreamTranslator } from '../shared/stream-runner';
import { errorFromStreamPayload, protocolError } from '../shared/upstream-error';
import { mapOllamaDoneReason } from './ollama-finish-reason';

/** Ids for calls Ollama sends without one: unique per stream, so call ids never repeat across turns. */
function newCallIdFactory(): (index: number) => string {
  const stream = Math.random().toString(36).slice(2, 10);
  return (index) => `call_${stream}_${index}`;
}

/**
 * Translates Ollama's NDJSON chat stream (providers.md §5.3): `message.thinking` is reasoning,
 * `message.content` is text, the `done:true` object carries the counts (`prompt_eval_count` in,
 * `eval_count` out) and ends the stream. An `{"error":…}` line, sent with status 200, is an error.
 * Tool calls arrive whole in `message.tool_calls`, with the arguments as an object: each becomes
 * one `tool-call-delta` carrying the arguments as JSON text, under Ollama's id when it sends one.
 * Ollama reports `done_reason: "stop"` after tool calls, which finishes as `tool_calls`.
 */
export function createOllamaStreamTranslator(callId = newCallIdFactory()): StreamTranslator<string> {
  let calls = 0;

  function toolCalls(message: unknown): StreamPart[] {
    return (readArray(message, 'tool_calls') ?? []).map((call): StreamPart => {
      const fn = readRecord(call, 'function');
      const args = fn?.['arguments'];
      const index = calls;
      calls += 1;
      return {
        type: 'tool-call-delta',
        index,
        id: readString(call, 'id') || callId(index),
        name: readString(fn, 'name') ?? '',
        argumentsDelta: typeof args === 'string' ? args : JSON.stringify(args ?? {}),
      };
    });
  }

  return {
    accept(line) {
      const object = parseJson(line);
      if (!isRecord(object)) {
        return {
          parts: [{ type: 'error', error: protocolError('ollama', 'stream line is not a JSON object') }],
          done: true,
        };
      }
      if (object['error'] !== undefined) {
        return { parts: [{ type: 'error', error: errorFromStreamPayload('ollama', object) }], done: true };
      }
      const parts: StreamPart[] = [];
      const message = readRecord(object, 'message');
      const thinking = readString(message, 'thinking');
      if (thinking) parts.push({ type: 'reasoning-delta', text: thinking });
      const content = readString(message, 'content');
      if (content) parts.push({ type: 'text-delta', text: content });
      parts.push(...toolCalls(message));
      if (readBoolean(object, 'done') !== true) return { parts, done: false };
      const reason = mapOllamaDoneReason(readString(object, 'done_reason'));
      parts.push(
        {
          type: 'usage',
          inputTokens: readNumber(object, 'prompt_eval_count') ?? 0,
          outputTokens: readNumber(object, 'eval_count') ?? 0,
        },
        { type: 'finish', finishReason: reason === 'stop' && calls > 0 ? 'tool_calls' : reason },
      );
      return { parts, done: true };
    },
  };
}
