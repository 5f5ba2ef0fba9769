import type { ProviderId } from '@chatstudio/contract';
import type { EventSourceMessage } from 'eventsource-parser';
import type { FinishReason, StreamPart } from '../spec';
import { isRecord, parseJson, readArray, readNumber, readRecord, readString } from '../shared/json';
import type { StreamTranslator } from '../shared/stream-runner';
import { errorFromStreamPayload, protocolError } from '../shared/upstream-error';
import type { ChatDeltaReader } from './chat-delta';
import { mapChatFinishReason } from './chat-finish-reason';
import { createToolCallReader } from './chat-tool-calls';

/**
 * Translates a Chat Completions SSE stream. `finish_reason` and `usage` arrive on different chunks
 * depending on the dialect (OpenAI/DashScope: usage on a trailing `choices: []` chunk; Mistral: on
 * the finish chunk), so both are held and emitted together at `data: [DONE]`, usage first.
 * An `error` payload, an `object:"error"` line (Mistral) or an `event: error` ends the stream.
 * Tool-call fragments are read the same way in every dialect. A `stop` after tool calls finishes
 * as `tool_calls`: OpenAI (and servers copying it) end a forced named call with `stop`, yet the
 * caller must run the tools either way.
 */
export function createChatChunkTranslator(options: {
  provider: ProviderId;
  readDelta: ChatDeltaReader;
  secret?: string | undefined;
}): StreamTranslator<EventSourceMessage> {
  let finishReason: FinishReason | undefined;
  let usage: StreamPart | undefined;
  const toolCalls = createToolCallReader();

  function failure(payload: unknown): { parts: StreamPart[]; done: boolean } {
    return {
      parts: [{ type: 'error', error: errorFromStreamPayload(options.provider, payload, options.secret) }],
      done: true,
    };
  }

  return {
    accept(event) {
      if (event.data.trim() === '[DONE]') {
        const parts: StreamPart[] = usage ? [usage] : [];
        const reason = finishReason === 'stop' && toolCalls.called ? 'tool_calls' : finishReason;
        parts.push({ type: 'finish', finishReason: reason ?? 'other' });
        return { parts, done: true };
      }
      const chunk = parseJson(event.data);
      if (event.event === 'error') return failure(chunk ?? event.data);
      if (!isRecord(chunk)) {
        const error = protocolError(options.provider, 'stream chunk is not a JSON object');
        return { parts: [{ type: 'error', error }], done: true };
      }
      if ((chunk['error'] !== undefined && chunk['error'] !== null) || chunk['object'] === 'error')
        return failure(chunk);

      const usageRecord = readRecord(chunk, 'usage');
      if (usageRecord) {
        usage = {
          type: 'usage',
          inputTokens: readNumber(usageRecord, 'prompt_tokens') ?? 0,
          outputTokens: readNumber(usageRecord, 'completion_tokens') ?? 0,
        };
      }
      const choice = readArray(chunk, 'choices')?.[0];
      const reason = readString(choice, 'finish_reason');
      if (reason) finishReason = mapChatFinishReason(reason);
      const delta = readRecord(choice, 'delta');
      return { parts: delta ? [...options.readDelta(delta), ...toolCalls.read(delta)] : [], done: false };
    },
  };
}
