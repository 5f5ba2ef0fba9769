import { readContentDelta, type ChatDeltaReader } from '../openai-compatible/chat-delta';
import type { StreamPart } from '../spec';
import { readString } from '../shared/json';

/**
 * DashScope thinking models stream `delta.reasoning_content` (with `content: null`) before the
 * answer (providers.md §4.3); the rest of the delta is OpenAI's.
 */
export const readDashscopeDelta: ChatDeltaReader = (delta) => {
  const parts: StreamPart[] = [];
  const reasoning = readString(delta, 'reasoning_content');
  if (reasoning) parts.push({ type: 'reasoning-delta', text: reasoning });
  parts.push(...readContentDelta(delta));
  return parts;
};
