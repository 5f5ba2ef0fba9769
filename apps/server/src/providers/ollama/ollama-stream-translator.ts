import type { StreamPart } from '../spec';
import { parseJson, readBoolean, readNumber, readRecord, readString, isRecord } from '../shared/json';
import type { StreamTranslator } from '../shared/stream-runner';
import { errorFromStreamPayload, protocolError } from '../shared/upstream-error';
import { mapOllamaDoneReason } from './ollama-finish-reason';

/**
 * Translates Ollama's NDJSON chat stream (providers.md §5.3): `message.thinking` is reasoning,
 * `message.content` is text, the `done:true` object carries the counts (`prompt_eval_count` in,
 * `eval_count` out) and ends the stream. An `{"error":…}` line, sent with status 200, is an error.
 */
export function createOllamaStreamTranslator(): StreamTranslator<string> {
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
      if (readBoolean(object, 'done') !== true) return { parts, done: false };
      parts.push(
        {
          type: 'usage',
          inputTokens: readNumber(object, 'prompt_eval_count') ?? 0,
          outputTokens: readNumber(object, 'eval_count') ?? 0,
        },
        { type: 'finish', finishReason: mapOllamaDoneReason(readString(object, 'done_reason')) },
      );
      return { parts, done: true };
    },
  };
}
