import type { ChatDeltaReader } from '../openai-compatible/chat-delta';
import type { StreamPart } from '../spec';
import { readArray, readString } from '../shared/json';

/**
 * Mistral's `delta.content` is a string or an array of content chunks (providers.md §3.3).
 * `text` chunks are text; `thinking` chunks (reasoning models, client-ts ThinkChunk) carry their
 * own array of text chunks and become reasoning deltas. Other chunk types are ignored.
 */
export const readMistralDelta: ChatDeltaReader = (delta) => {
  const content = delta['content'];
  if (typeof content === 'string') return content ? [{ type: 'text-delta', text: content }] : [];
  const parts: StreamPart[] = [];
  for (const chunk of readArray(delta, 'content') ?? []) {
    const type = readString(chunk, 'type');
    if (type === 'text') {
      const text = readString(chunk, 'text');
      if (text) parts.push({ type: 'text-delta', text });
    } else if (type === 'thinking') {
      const text = (readArray(chunk, 'thinking') ?? []).map((inner) => readString(inner, 'text') ?? '').join('');
      if (text) parts.push({ type: 'reasoning-delta', text });
    }
  }
  return parts;
};
